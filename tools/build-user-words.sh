#!/usr/bin/env bash
# Rebuilds src/Knowledge/Resources/user-words.tsv (the users' words of the documents' sentences, docs/knowledge.md round 14)
# from every question file with gold that HeldOutFoldTests reads (qa-own.jsonl, the blind batches of its Blind list): each
# answered question's asking words (AskService.AskingWords), keyed by its quotes, and refits the judge in the same run on
# features taken with each fold's words built without it (src/Knowledge/Resources/answer-scorer.json). Then rebuild.
set -eu
cd "$(dirname "$0")/.."
KB_USER_WORDS=on KB_USER_WORDS_BUILD=1 KB_REFIT=1 dotnet test tests/Knowledge.Tests \
  --filter "FullyQualifiedName~HeldOutFoldTests.The_shipped_user_words|FullyQualifiedName~HeldOutFoldTests.The_shipped_weights"
