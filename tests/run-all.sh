#!/usr/bin/env bash
# Every test: the xunit suites, then the crash test of the durable write path.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test InstructorBot.sln -c Release 2>&1 | tee /tmp/instructorbot-test.log
if [ -f tests/crash/crash-test.sh ]; then
  bash tests/crash/crash-test.sh
fi
