#!/usr/bin/env python3
"""Learns the clause openers (src/Knowledge/Resources/clause-openers.tsv) from the punctuated questions of the blind batches.

A clause opener is two characters that begin a clause after a punctuation mark ("…不承认，文件里对这种情况…", "…，这种情况…",
"…，我想问…") in at least MIN_STARTS of the questions' clauses and in at least RATIO of their occurrences in those questions:
what writers who punctuate put at the head of a clause. A message typed without any punctuation is broken once before the
first of them that is followed by a question word (AskService.RunOn; docs/knowledge.md, round 24).

usage: clause-openers.py [--exclude L1,L2,...] [--out FILE]   (letters whose batches are left out: a held-out round)
Never reads a sealed batch (tests/data/blind/sealed.txt).
"""
import argparse, collections, glob, json, os, re

MIN_STARTS, RATIO = 8, 0.5
PUNCT = r'[，,。？?！!；;、：:\s]+'

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    blind = os.path.join(here, '..', 'tests', 'data', 'blind')
    ap = argparse.ArgumentParser()
    ap.add_argument('--exclude', default='')
    ap.add_argument('--out', default=os.path.join(here, '..', 'src', 'Knowledge', 'Resources', 'clause-openers.tsv'))
    args = ap.parse_args()
    excluded = set(filter(None, args.exclude.split(',')))
    sealed = {l.strip() for l in open(os.path.join(blind, 'sealed.txt')) if l.strip() and not l.startswith('#')}
    starts, anywhere, used = collections.Counter(), collections.Counter(), []
    for path in sorted(glob.glob(os.path.join(blind, 'qa-*.jsonl'))):
        name = os.path.basename(path)
        letter = name[:-len('.jsonl')].split('-')[-1]
        if letter in excluded or letter in sealed:
            continue
        used.append(letter)
        for line in open(path, encoding='utf-8'):
            if not line.strip():
                continue
            clauses = [c for c in re.split(PUNCT, json.loads(line)['question'].strip()) if c]
            if len(clauses) < 2:
                continue
            for c in clauses[1:]:
                if len(c) >= 2:
                    starts[c[:2]] += 1
            for c in clauses:
                for i in range(len(c) - 1):
                    anywhere[c[i:i + 2]] += 1
    openers = sorted((w for w in starts if starts[w] >= MIN_STARTS and starts[w] / anywhere[w] >= RATIO), key=lambda w: (-starts[w], w))
    with open(args.out, 'w', encoding='utf-8') as out:
        out.write(f'# clause openers learned by tools/clause-openers.py (min starts {MIN_STARTS}, ratio {RATIO}) from the punctuated questions of blind {",".join(used)}\n')
        out.write('# opener\tclause starts\toccurrences\n')
        for w in openers:
            out.write(f'{w}\t{starts[w]}\t{anywhere[w]}\n')
    print(len(openers), ' '.join(openers))

if __name__ == '__main__':
    main()
