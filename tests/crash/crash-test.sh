#!/usr/bin/env bash
# Crash test of the durable write path: a writer (tests/CrashWriter) records through InstructorStore.RecordAsync and
# prints each tag only after the write is acknowledged; it is killed with SIGKILL at random moments, at least
# KILLS times, reopening the same file each time. Then every acknowledged tag must be present, each combined write
# (visit + discovery) whole with its effect, and every index equal to a full scan. Exits non-zero on any loss.
set -euo pipefail
cd "$(dirname "$0")/../.."
KILLS="${CRASH_KILLS:-60}"
BUDGET_SECONDS="${CRASH_BUDGET_SECONDS:-150}"
WORK="$(mktemp -d /tmp/instructorbot-crash.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "crash test: building the writer (Release)"
dotnet build tests/CrashWriter -c Release -o "$WORK/bin" -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

DB="$WORK/crash.db"
ACKS="$WORK/acks.txt"
: >"$ACKS"
# A second process must be refused while the first holds the file (LiteDB's direct mode alone does not refuse it).
dotnet "$WORK/bin/InstructorBot.CrashWriter.dll" write "$DB" >"$WORK/first.out" 2>&1 &
first=$!
for _ in $(seq 1 100); do grep -q '^ack ' "$WORK/first.out" && break; sleep 0.1; done
if dotnet "$WORK/bin/InstructorBot.CrashWriter.dll" write "$DB" >"$WORK/second.out" 2>&1; then
  echo "crash test FAILED: a second process opened the database"; kill -KILL "$first"; exit 1
fi
kill -KILL "$first"; wait "$first" 2>/dev/null || true
grep -q '数据库正被另一个进程使用' "$WORK/second.out" || { echo "crash test FAILED: second process not refused by the lock:"; cat "$WORK/second.out"; exit 1; }
grep -E '^ack [a-z0-9-]+ end$' "$WORK/first.out" >>"$ACKS" || true
echo "crash test: a second process is refused while the first writes"

start=$SECONDS
kills=0
verifies=0
while [ "$kills" -lt "$KILLS" ]; do
  out="$WORK/run.out"
  if [ $((kills % 2)) -eq 0 ]; then
    # From outside, at a random moment 50–1500 ms after start (some during startup and recovery, most mid-writing).
    dotnet "$WORK/bin/InstructorBot.CrashWriter.dll" write "$DB" >"$out" 2>"$WORK/run.err" &
    pid=$!
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.05 + (r % 1450) / 1000 }')"
    kill -KILL "$pid" 2>/dev/null || { echo "writer exited before the kill:"; cat "$WORK/run.err"; exit 1; }
    wait "$pid" 2>/dev/null || true
  else
    # From inside, right after the Nth acknowledgement was printed: the window where LiteDB alone loses writes.
    dotnet "$WORK/bin/InstructorBot.CrashWriter.dll" write "$DB" --die-after $((RANDOM % 200 + 1)) >"$out" 2>"$WORK/run.err" &
    wait "$!" 2>/dev/null || true
  fi
  kills=$((kills + 1))
  # Only complete lines count as acknowledged (a line cut by the kill was never fully printed).
  grep -E '^ack [a-z0-9-]+ end$' "$out" >>"$ACKS" || true
  if [ $((kills % 15)) -eq 0 ]; then
    dotnet "$WORK/bin/InstructorBot.CrashWriter.dll" verify "$DB" "$ACKS" || { echo "crash test FAILED after $kills kills"; exit 1; }
    verifies=$((verifies + 1))
  fi
  if [ $((SECONDS - start)) -gt "$BUDGET_SECONDS" ] && [ "$kills" -ge 50 ]; then
    break
  fi
done

summary="$(dotnet "$WORK/bin/InstructorBot.CrashWriter.dll" verify "$DB" "$ACKS")" || { echo "$summary"; echo "crash test FAILED"; exit 1; }
echo "$summary"
echo "crash test passed: $kills SIGKILLs, $(wc -l <"$ACKS") acknowledged writes all present, indexes intact, $((SECONDS - start)) s"
