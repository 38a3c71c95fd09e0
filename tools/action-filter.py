#!/usr/bin/env python3
"""Trains the action filter (src/Bot/Understanding/ActionFilter.cs) offline and measures it leave-one-writer-batch-out.

The rules propose, the filter disposes: p(this recording action is a record the message does not give), "extra" as
tools/write-safety.py judges it (no gold action of its kind and unit). Input: a traced run with the filter dropping
nothing (Understanding__Filter=false or the placeholder weights), Understanding__Doubts__LearnedTrace=1 and
Understanding__Doubts__HoldOut=1: OUTDIR/u-L.out and OUTDIR/u-L.err (one "doubt-features" line per recording action, with
DoubtFeatures and ClauseFeatures). --own GOLD OUT ERR (repeatable): own and development cases, always in training, never
measured. Population: every recording action (asked or not: a dropped action neither asks nor is written).

The drop threshold rule, fixed before any held-out figure: the lowest threshold t at which the actions with p >= t are
extra with precision >= PRECISION (0.9) and number at least MIN_DROPS (5), on out-of-fold probabilities of the training
batches (4 inner folds by batch); no such t: nothing is dropped. Held out: for each batch L the model and t come from the
other batches and the own cases only; case exact before/after (score.py on the output without the dropped actions),
extra actions dropped rightly, right or partly right actions dropped wrongly, silent wrong and right that ask are printed.
--write FILE: the model on everything, t by the same rule on the leave-one-batch-out probabilities, raised above every
own/development action that is not extra (in sample) so those sets keep every action.

Usage: tools/action-filter.py OUTDIR letters... [--own GOLD OUT ERR]... [--write FILE] [--list]
"""
import argparse
import collections
import json
import math
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ws = __import__("write-safety")
ld = __import__("learned-doubt")

PRECISION = 0.9
MIN_DROPS = 5
MIN_COUNT = 3
L2 = 0.01
EPOCHS = 15
RATE = 0.3


def train(rows, seed=14):
    """L2 logistic regression, AdaGrad, fixed settings (as tools/learned-doubt.py, on integer feature ids for speed)."""
    counts = collections.Counter(f for r in rows for f in r["features"])
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    ids = {f: i for i, f in enumerate(names)}
    data = [([ids[f] for f in r["features"] if f in ids], 1.0 if r["wrong"] else 0.0) for r in rows]
    w = [0.0] * len(names)
    g2 = [1e-8] * len(names)
    positives = sum(y for _, y in data)
    bias = math.log((positives + 0.5) / (len(data) - positives + 0.5))
    gb = 1e-8
    order = list(range(len(data)))
    rnd = random.Random(seed)
    exp, sqrt = math.exp, math.sqrt
    for _ in range(EPOCHS):
        rnd.shuffle(order)
        for i in order:
            feats, y = data[i]
            z = bias
            for f in feats:
                z += w[f]
            g = 1 / (1 + exp(-max(-30.0, min(30.0, z)))) - y
            gb += g * g
            bias -= RATE * g / sqrt(gb)
            for f in feats:
                grad = g + L2 * w[f]
                g2[f] += grad * grad
                w[f] -= RATE * grad / sqrt(g2[f])
    return {"bias": bias, "weights": {f: w[i] for f, i in ids.items() if abs(w[i]) > 1e-6}}
SCORE = "/work/shared/eval/score.py"


def rows_of(gold_path, out_path, err_path, group):
    gold, pred = ws.load(gold_path), ws.load(out_path)
    trace = ld.trace_of(err_path)
    for cid, case in gold.items():
        actions = (pred.get(cid) or {}).get("actions") or []
        recs = [p for p in actions if p.get("kind") in ws.RECORDS]
        traced = trace.get(cid, [])
        if len(recs) != len(traced) or any(p["kind"] != t[0]["kind"] for p, t in zip(recs, traced)):
            print(f"# {group} {cid}: trace and output differ ({len(recs)} vs {len(traced)})", file=sys.stderr)
            continue
        # The clause bigrams of the unit's own name are not features (ClauseFeatures leaves them out; traces before it did not).
        features = {id(p): [f for f in t[1] if not (f.startswith("cl:bi:") and p.get("organization") and f[6:] in p["organization"])]
                    for p, t in zip(recs, traced)}
        index = {id(p): i for i, p in enumerate(actions)}
        for p, why, _ in ws.judge(case["gold"]["actions"], actions):
            yield {"group": group, "id": cid, "wrong": why == "extra", "why": why, "asks": bool(p.get("confirm")),
                   "features": sorted(set(features[id(p)])), "kind": p["kind"], "org": p.get("organization"), "at": index[id(p)]}


def threshold(scored):
    """The lowest t with precision >= PRECISION over {p >= t} and at least MIN_DROPS of them (scored: (p, extra)); else 2."""
    best = 2.0
    ranked = sorted(scored, key=lambda s: -s[0])
    hits = 0
    for n, (p, extra) in enumerate(ranked, 1):
        hits += extra
        if n < len(ranked) and ranked[n][0] == p:
            continue  # ties: the set is {p >= t} whole
        if n >= MIN_DROPS and hits / n >= PRECISION:
            best = p
    return best


def fit(train_rows, inner=4):
    groups = sorted({r["group"] for r in train_rows if not r["group"].startswith("own")})
    folds = [groups[k::inner] for k in range(inner)]
    scored = []
    for fold in folds:
        held = set(fold)
        model = train([r for r in train_rows if r["group"] not in held])
        scored += [(ld.prob(model, r["features"]), r["wrong"]) for r in train_rows if r["group"] in held]
    return train(train_rows), threshold(scored)


def case_exact(gold_path, out_path, drop):
    """score.py's case exact of the output with the actions in drop ({(id, index)}) removed."""
    with open(out_path, encoding="utf-8") as f, tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as t:
        for line in f:
            if line.strip():
                row = json.loads(line)
                if row.get("actions"):
                    row["actions"] = [a for i, a in enumerate(row["actions"]) if (row.get("id"), i) not in drop]
                t.write(json.dumps(row, ensure_ascii=False) + "\n")
    last = subprocess.run([sys.executable, SCORE, "understanding", gold_path, t.name], capture_output=True, text=True).stdout.strip().splitlines()[-1]
    os.unlink(t.name)
    return float(last.split("case_exact=")[1].split()[0])


def count(rows, dropped):
    c = collections.Counter()
    for r in rows:
        d = id(r) in dropped
        bad = r["why"] is not None
        c["actions"] += 1
        c["extra"] += r["wrong"]
        c["dropped_extra"] += d and r["wrong"]
        c["dropped_right"] += d and not bad
        c["dropped_partly"] += d and bad and not r["wrong"]
        c["silent_wrong_before"] += bad and not r["asks"]
        c["silent_wrong_after"] += bad and not r["asks"] and not d
        c["right"] += not bad
        c["right_ask_before"] += not bad and r["asks"]
        c["right_after"] += not bad and not d
        c["right_ask_after"] += not bad and r["asks"] and not d
    return c


def line(name, c, before=None, after=None):
    ce = f"\t{before:.3f} -> {after:.3f}" if before is not None else "\t"
    return (f"{name}{ce}\t{c['actions']}\t{c['extra']}\t{c['dropped_extra']}\t{c['dropped_right']}+{c['dropped_partly']}"
            f"\t{c['silent_wrong_before']} -> {c['silent_wrong_after']}\t{c['right_ask_before']}/{c['right']} -> {c['right_ask_after']}/{c['right_after']}")


def gold_of(letter):
    return sorted(ws.glob.glob(os.path.join(ws.BLIND, f"understanding-2026-12-0*-{letter}.jsonl")))[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("letters", nargs="+")
    ap.add_argument("--own", nargs=3, action="append", default=[], metavar=("GOLD", "OUT", "ERR"))
    ap.add_argument("--write")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    rows = []
    for letter in a.letters:
        rows += list(rows_of(gold_of(letter), os.path.join(a.outdir, f"u-{letter}.out"), os.path.join(a.outdir, f"u-{letter}.err"), letter))
    own = [r for k, o in enumerate(a.own) for r in rows_of(*o, f"own{k}")]
    print(f"# rows: blind {len(rows)} (extra {sum(r['wrong'] for r in rows)}), own {len(own)} (extra {sum(r['wrong'] for r in own)})", file=sys.stderr)
    total = collections.Counter()
    oof = []
    print("batch\tcase_exact\tactions\textra\tdropped_extra\tdropped_right+partly\tsilent_wrong\tright_ask/right\tthreshold")
    for letter in a.letters:
        held = [r for r in rows if r["group"] == letter]
        model, t = fit([r for r in rows if r["group"] != letter] + own)
        p = {id(r): ld.prob(model, r["features"]) for r in held}
        oof += [(p[id(r)], r["wrong"]) for r in held]
        dropped = {id(r) for r in held if p[id(r)] >= t}
        out = os.path.join(a.outdir, f"u-{letter}.out")
        before = case_exact(gold_of(letter), out, set())
        after = case_exact(gold_of(letter), out, {(r["id"], r["at"]) for r in held if id(r) in dropped}) if dropped else before
        c = count(held, dropped)
        c["cases_before"], c["cases_after"] = before, after
        total.update(count(held, dropped))
        print(line(letter, c, before, after) + f"\t{t:.3f}")
        if a.list:
            for r in held:
                if id(r) in dropped:
                    print(f"\t{'RIGHTLY' if r['wrong'] else 'WRONGLY'}\t{r['id']}\t{r['kind']}\t{r['org']}\t{r['why']}\tp={p[id(r)]:.3f}")
        sys.stdout.flush()
    print(line("all", total))
    if a.write:
        model = train(rows + own)
        t = threshold(oof)
        keep = max((ld.prob(model, r["features"]) for r in own if not r["wrong"]), default=0.0)
        raised = t <= keep
        t = max(t, keep + 1e-4) if t <= 1 else t
        weights = {f: round(v, 5) for f, v in sorted(model["weights"].items()) if abs(v) >= 1e-4}
        with open(a.write, "w", encoding="utf-8") as f:
            json.dump({"about": f"tools/action-filter.py over blind {','.join(a.letters)} and {len(a.own)} own sets; drop: the lowest"
                                f" threshold with precision >= {PRECISION} (>= {MIN_DROPS} drops) on leave-one-batch-out probabilities"
                                + (", raised above the own sets' actions" if raised and t <= 1 else "")
                                + ("; no threshold met it: drop 2, nothing is dropped" if t > 1 else ""),
                       "bias": round(model["bias"], 5), "drop": round(t, 5), "weights": weights}, f, ensure_ascii=False, indent=0)
            f.write("\n")
        print(f"# wrote {a.write}: {len(weights)} weights, drop {t:.4f} (own max {keep:.4f}, raised {raised})", file=sys.stderr)


if __name__ == "__main__":
    main()
