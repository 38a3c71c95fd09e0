#!/usr/bin/env python3
"""Trains the learned doubt (src/Bot/Understanding/LearnedDoubt.cs) offline and measures it leave-one-writer-batch-out.

Input: a traced run of the branch with the learned doubt acting on nothing (the shipped file before training, or
Understanding__Doubts__Learned=false), Understanding__Doubts__LearnedTrace=1 and Understanding__Doubts__HoldOut=1 (the
intent probabilities from a model trained without the batch): OUTDIR/u-L.out or u-L.jsonl (the reading; its "confirm" is what already
asks) and OUTDIR/u-L.err (one "doubt-features" line per recording action, in order). Optionally --own GOLD OUT ERR: the
own cases, always in training, never measured.

Label: the action is wrong against the gold as tools/write-safety.py judges (extra, field, adds, lacks). Population: the
recording actions nothing asks about yet (the doubt decides only those). Model: L2 logistic regression over the binary
features seen at least MIN_COUNT times in its training data (AdaGrad, fixed epochs; no setting is tuned on held-out data).

The threshold rule, fixed before any held-out figure: the lowest threshold at which the right actions that newly ask are
at most BUDGET of all right actions, on out-of-fold probabilities of the training batches (inner folds by batch).
Held out: for each batch L, the model and its threshold come from the other batches only; L's silent wrong before/after
and its right actions that ask before/after are printed. --write FILE: the model on every batch, its threshold chosen by
the same rule on the leave-one-batch-out probabilities, as the weights file.

Usage: tools/learned-doubt.py OUTDIR letters... [--own GOLD OUT ERR]... [--budget 0.08] [--write FILE] [--list] [--compare FILE]
"""
import argparse
import collections
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ws = __import__("write-safety")

MIN_COUNT = 2
L2 = 0.01
EPOCHS = 30
RATE = 0.3


CLAUSE = ("cl:", "nx:", "msg:")
KEEP_CLAUSE = False
DROP = ()


def usable(features):
    """The features the shipped learned doubt computes: the trace also carries the action filter's clause features
    (ClauseFeatures: cl:, nx:, msg:), which the doubt reads only with --clause."""
    return [f for f in features if f and (KEEP_CLAUSE or not f.startswith(CLAUSE)) and not (DROP and f.startswith(DROP))]


def trace_of(err_path):
    rows = collections.defaultdict(list)
    with open(err_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("doubt-features\t"):
                _, cid, action, p, features = line.rstrip("\n").split("\t")
                rows[cid].append((json.loads(action), usable(features.split("|")) if features else []))
    return rows


def rows_of(gold_path, out_path, err_path, group):
    gold, pred = ws.load(gold_path), ws.load(out_path)
    trace = trace_of(err_path)
    for cid, case in gold.items():
        actions = (pred.get(cid) or {}).get("actions") or []
        recs = [p for p in actions if p.get("kind") in ws.RECORDS]
        traced = trace.get(cid, [])
        if len(recs) != len(traced) or any(p["kind"] != t[0]["kind"] for p, t in zip(recs, traced)):
            print(f"# {group} {cid}: trace and output differ ({len(recs)} vs {len(traced)})", file=sys.stderr)
            continue
        features = {id(p): t[1] for p, t in zip(recs, traced)}
        for p, why, _ in ws.judge(case["gold"]["actions"], actions):
            yield {"group": group, "id": cid, "wrong": why is not None, "why": why, "asks": bool(p.get("confirm")),
                   "features": sorted(set(features[id(p)])), "kind": p["kind"], "org": p.get("organization")}


def train(rows, seed=13):
    """L2 logistic regression, AdaGrad, fixed settings (on integer feature ids for speed; the same updates as before)."""
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


def prob(model, features):
    z = model["bias"] + sum(model["weights"].get(f, 0.0) for f in set(features))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def threshold(scored, right_total, budget):
    """The lowest threshold whose newly asking right actions are at most budget * right_total (scored: (p, wrong))."""
    allowed = budget * right_total
    best = 1.0
    cost = 0
    for p, wrong in sorted(scored, key=lambda s: -s[0]):
        if not wrong:
            cost += 1
            if cost > allowed:
                break
        best = p
    # Ties: the threshold must not let in the right action that broke the budget.
    over = [p for p, wrong in scored if not wrong and p >= best]
    return best if len(over) <= allowed else min(1.0, best + 1e-9)


POPULATION = "silent"


def silent(rows):
    """The rows a model is trained on: the silent ones (the doubt decides only those), or all (--population all)."""
    return [r for r in rows if POPULATION == "all" or not r["asks"]]


def undecided(rows):
    return [r for r in rows if not r["asks"]]


def fit_with_threshold(train_rows, groups, budget, inner=4):
    """The model on train_rows and its threshold from inner out-of-fold probabilities (folds by group)."""
    names = sorted(groups)
    folds = [names[k::inner] for k in range(inner)]
    scored = []
    for fold in folds:
        held = set(fold)
        model = train(silent([r for r in train_rows if r["group"] not in held]))
        scored += [(prob(model, r["features"]), r["wrong"]) for r in undecided(r for r in train_rows if r["group"] in held)]
    # The budget counts the right actions of the batches scored (the own cases are trained on, never scored).
    right_total = sum(1 for r in train_rows if not r["wrong"] and r["group"] in groups)
    return train(silent(train_rows)), threshold(scored, right_total, budget)


def count(rows, asks_after):
    c = collections.Counter()
    for r in rows:
        after = r["asks"] or asks_after(r)
        c["actions"] += 1
        if r["wrong"]:
            c["wrong"] += 1
            c["silent_before"] += not r["asks"]
            c["silent_after"] += not after
            false = not r["why"].startswith("lacks")
            c["false_silent_before"] += false and not r["asks"]
            c["false_silent_after"] += false and not after
        else:
            c["right"] += 1
            c["right_ask_before"] += r["asks"]
            c["right_ask_after"] += after
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("letters", nargs="+")
    ap.add_argument("--own", nargs=3, metavar=("GOLD", "OUT", "ERR"), action="append", help="own cases (repeatable)")
    ap.add_argument("--budget", type=float, default=0.08)
    ap.add_argument("--write")
    ap.add_argument("--threshold", type=float, help="with --write: this threshold (e.g. the median of a measured run's folds), no held-out run")
    ap.add_argument("--population", choices=["silent", "all"], default="silent", help="train on the silent records or on all")
    ap.add_argument("--named-only", action="store_true", help="the doubt acts only on records with a unit (as shipped)")
    ap.add_argument("--clause", action="store_true", help="also the clause features (cl:, nx:, msg:) the trace carries")
    ap.add_argument("--drop", default="", help="feature families left out, as name prefixes separated by commas (e.g. before:,after:)")
    ap.add_argument("--compare", help="a weights file (its threshold) measured on the same batches, beside the held-out model")
    ap.add_argument("--test", nargs="+", default=[], help="held-out batches: the model and threshold from all the letters (+ own), measured on these only")
    ap.add_argument("--list", action="store_true", help="list the held-out wrong actions caught and right ones asked")
    a = ap.parse_args()
    global POPULATION, KEEP_CLAUSE, DROP
    POPULATION = a.population
    KEEP_CLAUSE = a.clause
    DROP = tuple(p for p in a.drop.split(",") if p)
    rows = []
    for letter in a.letters:
        gold = sorted(ws.glob.glob(os.path.join(ws.BLIND, f"understanding-2026-12-0*-{letter}.jsonl")))[0]
        rows += list(rows_of(gold, ws.pred_path(a.outdir, letter), os.path.join(a.outdir, f"u-{letter}.err"), letter))
    own = [r for triple in a.own or [] for r in rows_of(*triple, "own")]
    print(f"# rows: blind {len(rows)} (wrong {sum(r['wrong'] for r in rows)}, silent wrong {sum(r['wrong'] and not r['asks'] for r in rows)}),"
          f" own {len(own)} (wrong {sum(r['wrong'] for r in own)})", file=sys.stderr)

    if a.test:
        tests = []
        for letter in a.test:
            gold = sorted(ws.glob.glob(os.path.join(ws.BLIND, f"understanding-2026-12-0*-{letter}.jsonl")))[0]
            tests += list(rows_of(gold, ws.pred_path(a.outdir, letter), os.path.join(a.outdir, f"u-{letter}.err"), letter))
        model, t = fit_with_threshold(rows + own, {r["group"] for r in rows}, a.budget)
        total = collections.Counter()
        print(f"held out (model and threshold {t:.4f} from {','.join(a.letters)}{' + own' if own else ''})")
        for letter in a.test:
            held = [r for r in tests if r["group"] == letter]
            c = count(held, lambda r: prob(model, r["features"]) >= t and (r["org"] is not None or not a.named_only))
            total.update(c)
            print(f"{letter}\t{c['actions']}\t{c['wrong']}\t{c['silent_before']} -> {c['silent_after']}\t{c['false_silent_before']} -> {c['false_silent_after']}"
                  f"\t{c['right_ask_before']} -> {c['right_ask_after']} of {c['right']}")
            if a.list:
                for r in held:
                    if not r["asks"] and prob(model, r["features"]) >= t and (r["org"] is not None or not a.named_only):
                        print(f"\t{'CAUGHT' if r['wrong'] else 'cost'}\t{r['id']}\t{r['kind']}\t{r['why']}\tp={prob(model, r['features']):.3f}")
        c = total
        print(f"all\t{c['actions']}\t{c['wrong']}\t{c['silent_before']} -> {c['silent_after']}\t{c['false_silent_before']} -> {c['false_silent_after']}"
              f"\t{c['right_ask_before']} -> {c['right_ask_after']} of {c['right']} ({c['right_ask_before'] / c['right']:.3f} -> {c['right_ask_after'] / c['right']:.3f})")
        return
    if a.compare:
        with open(a.compare, encoding="utf-8") as f:
            shipped = json.load(f)
        total = collections.Counter()
        print("batch\tactions\twrong\tsilent_wrong\tfalse_silent\tright_asks\tthreshold (weights " + a.compare + ")")
        for letter in a.letters:
            held = [r for r in rows if r["group"] == letter]
            c = count(held, lambda r: prob(shipped, r["features"]) >= shipped["threshold"] and (r["org"] is not None or not a.named_only))
            total.update(c)
            print(f"{letter}\t{c['actions']}\t{c['wrong']}\t{c['silent_before']} -> {c['silent_after']}\t{c['false_silent_before']} -> {c['false_silent_after']}"
                  f"\t{c['right_ask_before']} -> {c['right_ask_after']} of {c['right']}")
        c = total
        print(f"all\t{c['actions']}\t{c['wrong']}\t{c['silent_before']} -> {c['silent_after']}\t{c['false_silent_before']} -> {c['false_silent_after']}"
              f"\t{c['right_ask_before']} -> {c['right_ask_after']} of {c['right']} ({c['right_ask_before'] / c['right']:.3f} -> {c['right_ask_after'] / c['right']:.3f})")
        return
    if a.write and a.threshold is not None:
        return write(a, train(silent(rows + own)), a.threshold, own)
    total = collections.Counter()
    oof = []
    print("batch\tactions\twrong\tsilent_wrong\tfalse_silent\tright_asks\tthreshold")
    for letter in a.letters:
        held = [r for r in rows if r["group"] == letter]
        others = [r for r in rows if r["group"] != letter] + own
        model, t = fit_with_threshold(others, {r["group"] for r in others if r["group"] != "own"}, a.budget)
        p = {id(r): prob(model, r["features"]) for r in held}
        oof += [(p[id(r)], r["wrong"]) for r in undecided(held)]
        c = count(held, lambda r: p[id(r)] >= t and (r["org"] is not None or not a.named_only))
        total.update(c)
        print(f"{letter}\t{c['actions']}\t{c['wrong']}\t{c['silent_before']} -> {c['silent_after']}\t{c['false_silent_before']} -> {c['false_silent_after']}"
              f"\t{c['right_ask_before']} -> {c['right_ask_after']} of {c['right']}\t{t:.3f}")
        if a.list:
            for r in held:
                if not r["asks"] and p[id(r)] >= t and (r["org"] is not None or not a.named_only):
                    print(f"\t{'CAUGHT' if r['wrong'] else 'cost'}\t{r['id']}\t{r['kind']}\t{r['org']}\t{r['why']}\tp={p[id(r)]:.3f}")
        sys.stdout.flush()
    c = total
    print(f"all\t{c['actions']}\t{c['wrong']}\t{c['silent_before']} -> {c['silent_after']}\t{c['false_silent_before']} -> {c['false_silent_after']}"
          f"\t{c['right_ask_before']} -> {c['right_ask_after']} of {c['right']} ({c['right_ask_before'] / c['right']:.3f} -> {c['right_ask_after'] / c['right']:.3f})")
    if a.write:
        write(a, train(silent(rows + own)), threshold(oof, sum(1 for r in rows if not r["wrong"]), a.budget), own)


def write(a, model, t, own):
    weights = {f: round(v, 5) for f, v in sorted(model["weights"].items()) if abs(v) >= 1e-4}
    with open(a.write, "w", encoding="utf-8") as f:
        json.dump({"about": f"tools/learned-doubt.py over blind {','.join(a.letters)}{' and the own cases' if own else ''};"
                            f" threshold: right actions newly asking <= {a.budget} of right, leave-one-batch-out",
                   "bias": round(model["bias"], 5), "threshold": round(t, 5), "weights": weights}, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"# wrote {a.write}: {len(weights)} weights, threshold {t:.4f}", file=sys.stderr)

if __name__ == "__main__":
    main()
