#!/usr/bin/env python3
"""Advice census: every qa case with a gold recommendation (and every case without one that got advice) from a
combined `ask --batch` run. Usage: advice-census.py CASES.jsonl OUT.jsonl [--list]"""
import json, sys, collections

cases = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
got = {}
for l in open(sys.argv[2]):
    if l.strip():
        d = json.loads(l); got[d["id"]] = d.get("recommendation") or {}
rows = collections.defaultdict(collections.Counter)
misses = []
for c in cases:
    src = c["src"].replace("qa-2026-12-0", "").replace(".jsonl", "")
    group = "blind" if "-" in src and len(src.split("-")[-1]) <= 2 and src[0].isdigit() else "own"
    gold = c.get("recommendation") or {}
    rec = got.get(c["id"], {})
    if gold:
        wrong = {k: v for k, v in gold.items() if rec.get(k) != v}
        kind = "right" if not wrong else ("not recognised" if not rec else "wrong " + ",".join(sorted(wrong)))
        rows[group][kind] += 1
        rows[group]["requests"] += 1
        if wrong:
            misses.append((c["id"], gold, {k: rec.get(k) for k in ("method", "level")} if rec else {}, c["question"]))
    elif rec:
        rows[group]["advice where none wanted"] += 1
        misses.append((c["id"], {}, {k: rec.get(k) for k in ("method", "level")}, c["question"]))
for g, r in rows.items():
    print(g, dict(r), "accuracy %.3f" % (r["right"] / max(1, r["requests"])))
if "--list" in sys.argv:
    for m in misses:
        print(m[0], "want", m[1], "got", m[2], "|", m[3])
