#!/usr/bin/env bash
# Rebuilds src/Knowledge/Resources/user-words.tsv (the users' words of the documents' sentences, docs/knowledge.md round 14)
# from every question file with gold that HeldOutFoldTests reads (qa-own.jsonl, the blind batches of its Blind list): each
# answered question's asking words (AskService.AskingWords), keyed by its quotes. Then rebuild, and refit the judge
# (KB_REFIT=1 dotnet test tests/Knowledge.Tests --filter The_shipped_weights): the judge is fitted on held-out words.
set -eu
cd "$(dirname "$0")/.."
KB_USER_WORDS_BUILD=1 dotnet test tests/Knowledge.Tests --filter "FullyQualifiedName~HeldOutFoldTests.The_shipped_user_words"
