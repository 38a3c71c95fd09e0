#!/usr/bin/env python3
"""Per-signal measure of RecordDoubts over blind batches, and leave-one-group-out choice of the signals to act on.

Needs: a base run (OUTDIR of /work/wt/run-blind.sh on main: u-L.out, whose "confirm" is the base's asking) and a traced run
of this branch (Understanding__Doubts__Trace=1: u-L.err holds one "doubt-signals" line per recording action, in order).
For every recording action it judges right or wrong as tools/write-safety.py does, and for each signal counts the wrong
actions that were silent in the base and that it would make ask (caught; false ones apart) and the right actions that were
silent and that it would make ask (cost).

A signal is CHOSEN on a group of batches when there it catches at least one wrong action and costs at most as many right
ones as it catches (a record asked about costs a tap; a wrong record written silently costs more: a 1:1 bet is the least).
The choice made on one group is then applied to the other (held out), and the reverse.

Usage: tools/doubt-signals.py BASEDIR TRACEDIR --fit a,b,...,w --held x,y,z [--own GOLD BASEOUT TRACEOUT] [--list SIGNAL]
"""
import argparse
import collections
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ws = __import__("write-safety")


def trace_of(err_path):
    rows = collections.defaultdict(list)
    with open(err_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("doubt-signals\t"):
                _, cid, action, signals = line.rstrip("\n").split("\t")
                rows[cid].append((json.loads(action), [s for s in signals.split(",") if s]))
    return rows


def records(gold_path, base_path, trace_path, letter):
    """(letter, id, text, action, why, base_asks, signals) for every recording action of the base's output."""
    gold, base = ws.load(gold_path), ws.load(base_path)
    trace = trace_of(trace_path)
    for cid, case in gold.items():
        pred = (base.get(cid) or {}).get("actions") or []
        traced = trace.get(cid, [])
        recs = [p for p in pred if p.get("kind") in ws.RECORDS]
        if len(recs) != len(traced) or any(p["kind"] != t[0]["kind"] for p, t in zip(recs, traced)):
            print(f"# {letter} {cid}: trace and output differ ({len(recs)} vs {len(traced)})", file=sys.stderr)
            continue
        signals = {id(p): t[1] for p, t in zip(recs, traced)}
        for p, why, g in ws.judge(case["gold"]["actions"], pred):
            yield letter, cid, case["text"], p, why, bool(p.get("confirm")), signals[id(p)]


def batch_paths(base, tracedir, letter):
    gold = sorted(glob.glob(os.path.join(ws.BLIND, f"understanding-2026-12-0*-{letter}.jsonl")))[0]
    return gold, os.path.join(base, f"u-{letter}.out"), os.path.join(tracedir, f"u-{letter}.err")


def per_signal(rows):
    stat = collections.defaultdict(lambda: collections.Counter())
    for _, _, _, p, why, asks, signals in rows:
        if asks:
            continue
        for s in set(signals):
            if why is None:
                stat[s]["cost"] += 1
            else:
                stat[s]["caught"] += 1
                stat[s]["caught_false"] += not why.startswith("lacks")
    return stat


def choose(rows):
    stat = per_signal(rows)
    return {s for s, c in stat.items() if c["caught"] >= 1 and c["cost"] <= c["caught"]}


def totals(rows, chosen):
    t = collections.Counter()
    for _, _, _, p, why, asks, signals in rows:
        ask = asks or any(s in chosen for s in signals)
        t["actions"] += 1
        if why is None:
            t["right_asks"] += ask
            t["right_newly_asks"] += ask and not asks
        else:
            false = not why.startswith("lacks")
            t["wrong"] += 1
            t["silent"] += not ask
            t["false_silent"] += false and not ask
            t["false_silent_named"] += false and not ask and p.get("organization") is not None
            t["caught"] += ask and not asks
    return t


def show(name, t):
    ratio = f"{t['right_newly_asks']}:{t['caught']}"
    print(f"{name}: actions={t['actions']} wrong={t['wrong']} silent={t['silent']} false_silent={t['false_silent']} "
          f"false_silent_named={t['false_silent_named']} newly_caught={t['caught']} right_asks={t['right_asks']} "
          f"right_newly_asks={t['right_newly_asks']} (right:wrong caught {ratio})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base")
    ap.add_argument("trace")
    ap.add_argument("--fit", required=True)
    ap.add_argument("--held", required=True)
    ap.add_argument("--own", nargs=3)
    ap.add_argument("--list")
    a = ap.parse_args()
    groups = {}
    for name in ("fit", "held"):
        rows = []
        for letter in getattr(a, name).split(","):
            rows += list(records(*batch_paths(a.base, a.trace, letter), letter))
        groups[name] = rows
    if a.own:
        groups["own"] = list(records(*a.own, "own"))
    for name, rows in groups.items():
        print(f"## per signal on {name} ({getattr(a, name, 'own batch') if name != 'own' else 'own batch'}): caught (false) / cost")
        for s, c in sorted(per_signal(rows).items()):
            print(f"   {s:20s} {c['caught']:3d} ({c['caught_false']}) / {c['cost']}")
    for fit, held in (("fit", "held"), ("held", "fit")):
        chosen = choose(groups[fit])
        print(f"## chosen on {fit}: {','.join(sorted(chosen))}")
        show(f"   {held} before (base)", totals(groups[held], set()))
        show(f"   {held} held out", totals(groups[held], chosen))
        show(f"   {fit} (not held out)", totals(groups[fit], chosen))
        if "own" in groups:
            show("   own batch", totals(groups["own"], chosen))
    if a.list:
        for rows in groups.values():
            for letter, cid, text, p, why, asks, signals in rows:
                if a.list in signals and not asks:
                    print(f"{cid}\t{why or 'right'}\t{text}\n\t{json.dumps(p, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
