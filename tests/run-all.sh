#!/usr/bin/env bash
# Every test: the xunit suites (dotnet test), then the crash test of the durable write path.
# Ends with one plain line "tests: N passed, N failed" summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet test InstructorBot.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -eq 0 ] && [ -f tests/crash/crash-test.sh ]; then
  if bash tests/crash/crash-test.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
