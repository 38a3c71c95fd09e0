#!/usr/bin/env bash
# usage: run-blind.sh TREE OUTDIR LETTER...   (UONLY=1: understanding only)
# SHARED: the shared folder (default ../shared beside the checkout TREE). Kept in the repository since round 18: the lead's
# copy outside it was lost with a machine.
# Builds TREE's bot, imports the fixture ledger and users, indexes 001, runs understand/ask --batch on each blind
# letter, scores with shared/eval/score.py; prints one summary line per letter.
set -uo pipefail
TREE=$(cd "$1" && pwd); mkdir -p "$2"; OUT=$(cd "$2" && pwd); shift 2
SHARED=${SHARED:-$(cd "$TREE/../shared" 2>/dev/null && pwd || echo /work/shared)}
mkdir -p "$OUT"
cd "$TREE"
if [ -z "${NOBUILD:-}" ]; then dotnet build src/Bot -c Release -o "$OUT/bin" -v q -nologo >"$OUT/build.log" 2>&1 || { echo BUILD FAILED; tail -20 "$OUT/build.log"; exit 1; }; fi
DB="$OUT/db/bot.db"; rm -rf "$OUT/db"; mkdir -p "$OUT/db"
B="dotnet $OUT/bin/InstructorBot.dll"
$B import --ledger "$SHARED"/fixtures/ledger.csv --db "$DB" >/dev/null
$B import --users "$SHARED"/fixtures/users.csv --db "$DB" >/dev/null
[ -n "${UONLY:-}" ] || $B index "$SHARED"/seeds/001_*.txt --db "$DB" >/dev/null
S="$SHARED/eval/score.py"
for L in "$@"; do
  uf=$(ls tests/data/blind/understanding-*-$L.jsonl 2>/dev/null | head -1)
  if [ -n "$uf" ]; then
    $B understand --batch "$uf" --db "$DB" >"$OUT/u-$L.jsonl" 2>"$OUT/u-$L.err"
    python3 $S understanding "$uf" "$OUT/u-$L.jsonl" >"$OUT/u-$L.score"
    echo "$L u $(tail -1 "$OUT/u-$L.score")"
  fi
  qf=$(ls tests/data/blind/qa-*-$L.jsonl 2>/dev/null | head -1)
  if [ -n "$qf" ] && [ -z "${UONLY:-}" ]; then
    $B ask --batch "$qf" --db "$DB" >"$OUT/q-$L.jsonl" 2>"$OUT/q-$L.err"
    python3 $S qa "$qf" "$OUT/q-$L.jsonl" >"$OUT/q-$L.score"
    echo "$L q $(tail -1 "$OUT/q-$L.score")"
  fi
done
