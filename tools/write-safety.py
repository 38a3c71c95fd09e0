#!/usr/bin/env python3
"""Write safety over blind batches: every recording action the CLI emits that is wrong, and whether it asks first.

A recording action (visit, org_update, member_discovery, formation, pairing, work_coverage) is WRONG when
  - no gold action of its case has its kind and organisation ("extra": a record the message does not give), or
  - it is paired with a gold action of the same kind and organisation and a field the gold names differs ("field X"),
    it gives a figure or state the gold does not (count, members, employees, party_members, status: "adds X", a figure
    the message does not give), or it lacks a field the gold gives ("lacks X": an incomplete record rather than a false one; counted apart).
It ASKS when it carries "confirm": true (the conversation shows it and asks before writing); otherwise it is SILENT.
Pairing follows /work/shared/eval/score.py (kind and organisation first); fields are compared as score.py does.

Usage: tools/write-safety.py OUTDIR [letters...]      (OUTDIR holds u-L.out, or u-L.jsonl as tools/run-blind.sh writes it)
       tools/write-safety.py --gold GOLD.jsonl --pred PRED.jsonl
  --silent   list only the silent wrong actions   --false   only false ones   --right   also list right actions that ask
  --tsv      one line per listed action: letter, case, kind, organisation, why, asks
Prints one block per wrong action, then per batch (stderr) and in total: recording actions; wrong (all three reasons),
asked, silent; false (extra, field or adds: a record that writes something untrue), false_silent, false_silent_named (of
those, with an organisation: an action without one waits for the conversation's question "which unit?"),
incomplete_silent (only lacks); right_asks (right actions that ask: the cost of asking) and their rate.
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLIND = os.path.join(ROOT, "tests/data/blind")
# A figure or state the gold does not name is one the message does not give (methods, levels and units the gold leaves
# out are often implied: 成立党支部 of one unit is single; those are not counted).
FIGURES = {"count", "members", "employees", "party_members", "status"}
RECORDS = {"visit", "org_update", "member_discovery", "formation", "pairing", "work_coverage"}
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]", "【": "[", "】": "]"})


def norm(text):
    if text is None:
        return None
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)).translate(QUOTES))


def same(field, gold, pred):
    if field == "categories":
        return {k: v for k, v in (gold or {}).items() if v} == {k: v for k, v in (pred or {}).items() if v}
    if field == "units":
        return sorted(norm(u) for u in gold or []) == sorted(norm(u) for u in pred or [])
    if isinstance(gold, str) or isinstance(pred, str):
        return norm(gold) == norm(pred)
    return gold == pred


def load(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows[row.get("id")] = row
    return rows


def judge(gold_actions, pred_actions):
    """Yields (action, why, gold) for every recording action of one case; why is None when it is right."""
    free = [g for g in gold_actions]
    for p in pred_actions:
        if p.get("kind") not in RECORDS:
            continue
        g = next((g for g in free if g["kind"] == p.get("kind") and norm(g.get("organization")) == norm(p.get("organization"))), None)
        if g is None:
            yield p, "extra", None
            continue
        free.remove(g)
        differ = [f for f, v in g.items() if f != "kind" and p.get(f) is not None and not same(f, v, p.get(f))]
        lacks = [f for f, v in g.items() if f != "kind" and p.get(f) is None and v is not None]
        adds = [f for f, v in p.items() if f not in g and f in FIGURES and v is not None]
        why = "; ".join(w for w in (("field " + ",".join(differ)) if differ else "", ("adds " + ",".join(adds)) if adds else "",
                                    ("lacks " + ",".join(lacks)) if lacks else "") if w)
        yield p, why or None, g


def pred_path(outdir, letter):
    """The reading of batch letter in outdir: u-L.out (older runs) or u-L.jsonl (tools/run-blind.sh); None when neither."""
    for name in (f"u-{letter}.out", f"u-{letter}.jsonl"):
        if os.path.exists(os.path.join(outdir, name)):
            return os.path.join(outdir, name)
    return None


def rows_of(gold_path, pred_path, letter):
    gold, pred = load(gold_path), load(pred_path)
    for cid, case in gold.items():
        for p, why, g in judge(case["gold"]["actions"], (pred.get(cid) or {}).get("actions") or []):
            yield {"letter": letter, "id": cid, "text": case["text"], "action": p, "why": why, "gold": g,
                   "asks": bool(p.get("confirm"))}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("letters", nargs="*")
    ap.add_argument("--gold")
    ap.add_argument("--pred")
    ap.add_argument("--silent", action="store_true")
    ap.add_argument("--right", action="store_true", help="also list right actions that ask")
    ap.add_argument("--false", action="store_true", help="list only false actions (not those that only lack a field)")
    ap.add_argument("--tsv", action="store_true")
    a = ap.parse_args()
    batches = []
    if a.gold:
        batches.append(("-", a.gold, a.pred))
    else:
        found = {os.path.basename(p)[2:].rsplit(".", 1)[0] for p in glob.glob(os.path.join(a.outdir, "u-*.out")) + glob.glob(os.path.join(a.outdir, "u-*.jsonl"))}
        letters = a.letters or sorted(found, key=lambda x: (len(x), x))
        for letter in letters:
            gold = sorted(glob.glob(os.path.join(BLIND, f"understanding-2026-12-0*-{letter}.jsonl")))
            if gold and pred_path(a.outdir, letter):
                batches.append((letter, gold[0], pred_path(a.outdir, letter)))
    keys = ["actions", "wrong", "asked", "silent", "false", "false_silent", "false_silent_named", "incomplete_silent", "right_asks"]
    total = dict.fromkeys(keys, 0)
    for letter, gold, pred in batches:
        count = dict.fromkeys(keys, 0)
        for r in rows_of(gold, pred, letter):
            count["actions"] += 1
            wrong = r["why"] is not None
            false = wrong and not r["why"].startswith("lacks")
            if wrong:
                count["wrong"] += 1
                count["asked" if r["asks"] else "silent"] += 1
                count["false"] += false
                if not r["asks"]:
                    count["false_silent" if false else "incomplete_silent"] += 1
                    count["false_silent_named"] += false and r["action"].get("organization") is not None
            elif r["asks"]:
                count["right_asks"] += 1
            show = (wrong and (not r["asks"] or not a.silent) and (false or not a.false)) or (a.right and not wrong and r["asks"])
            if not show:
                continue
            p = r["action"]
            why = r["why"] or "right"
            if a.tsv:
                print(f"{letter}\t{r['id']}\t{p.get('kind')}\t{p.get('organization')}\t{why}\t{'asks' if r['asks'] else 'SILENT'}")
            else:
                print(f"{r['id']}\t{'asks' if r['asks'] else 'SILENT'}\t{why}\t{r['text']}\n"
                      f"\tgot  {json.dumps(p, ensure_ascii=False)}\n\twant {json.dumps(r['gold'], ensure_ascii=False)}")
        for k in total:
            total[k] += count[k]
        print(f"# {letter}: " + " ".join(f"{k}={v}" for k, v in count.items()), file=sys.stderr)
    right = total["actions"] - total["wrong"]
    print(f"write-safety: batches={len(batches)} " + " ".join(f"{k}={v}" for k, v in total.items())
          + f" right={right} right_ask_rate={total['right_asks'] / right if right else 0:.3f}")

if __name__ == "__main__":
    main()
