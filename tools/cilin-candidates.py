#!/usr/bin/env python3
"""Lists, for every content class of vocabulary.json, the Cilin groups its words belong to and the group members not yet in
the class: the candidates a reviewer reads before appending words to a class (docs/understanding.md, round 10, r10-ulex).

Source: 哈工大同义词词林扩展版 as shipped in jieba.NET's package (Resources/cn_synonym.txt; lines `CODE= w1 w2 …`, where the
code's last character is `=` synonyms, `#` related, `@` alone, and its first 5 characters are the fine class).
Not runtime: nothing in src/ reads Cilin; the words a reviewer takes are appended to vocabulary.json by hand and recorded
in tests/data/lexicon-sources.tsv (class, word, Cilin code or "spoken"), where WordClassTests reads them in frames.

Usage: tools/cilin-candidates.py [--cilin FILE] [--class snake_name ...] [--fine] [--max N]
  --fine   also list the members of the word's fine class (first 5 code characters), not only of its own line
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VOCABULARY = os.path.join(ROOT, "src/Bot/Understanding/vocabulary.json")
SOUND_ALIKES = os.path.join(ROOT, "src/Bot/Understanding/SoundAlikes.cs")
DEFAULT_CILIN = os.path.expanduser("~/.nuget/packages/jieba.net/0.42.2/Resources/cn_synonym.txt")


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def content_classes():
    text = open(SOUND_ALIKES, encoding="utf-8").read()
    block = text[text.index("ContentClasses = new"):]
    block = block[:block.index("};")]
    return [snake(n) for n in re.findall(r"nameof\(Vocabulary\.(\w+)\)", block)]


def class_words(value):
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, list):
        return [w for w in value if isinstance(w, str)]
    return []


def load_cilin(path):
    groups = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or "=" not in line and "#" not in line and "@" not in line:
            continue
        code, _, rest = line.partition(" ")
        groups.append((code, rest.split()))
    return groups


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cilin", default=DEFAULT_CILIN)
    parser.add_argument("--class", dest="classes", nargs="*")
    parser.add_argument("--fine", action="store_true")
    parser.add_argument("--max", type=int, default=40)
    args = parser.parse_args()

    vocabulary = json.load(open(VOCABULARY, encoding="utf-8"))
    groups = load_cilin(args.cilin)
    by_word = {}
    by_fine = {}
    for code, words in groups:
        by_fine.setdefault(code[:5], []).extend(words)
        for w in words:
            by_word.setdefault(w, []).append((code, words))

    names = args.classes or content_classes()
    for name in names:
        if name not in vocabulary:
            print(f"## {name}: not in vocabulary.json", file=sys.stderr)
            continue
        words = class_words(vocabulary[name])
        present = set(words)
        print(f"## {name} ({len(words)} words)")
        seen_codes = set()
        for word in words:
            for code, members in by_word.get(word, []):
                if code in seen_codes:
                    continue
                seen_codes.add(code)
                pool = by_fine[code[:5]] if args.fine else members
                missing = [m for m in dict.fromkeys(pool) if m not in present]
                if missing:
                    shown = " ".join(missing[: args.max])
                    more = f" (+{len(missing) - args.max})" if len(missing) > args.max else ""
                    print(f"{name}\t{word}\t{code}\t{shown}{more}")
        print()


if __name__ == "__main__":
    main()
