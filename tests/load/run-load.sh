#!/usr/bin/env bash
# Load test: concurrent Bot Framework users posting to /api/messages (expectReplies) on loopback, bounded in count
# and time; afterwards every acknowledged record must be in the store.
# Usage: bash tests/load/run-load.sh [COUNT=5000] [CONCURRENCY=32] [SECONDS=60] [RATE=0]
#   RATE 0: closed loop, CONCURRENCY senders each waiting for its reply (saturation throughput).
#   RATE N: open loop, N messages per second on a fixed schedule, at most CONCURRENCY in flight, latency from when due.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}; concurrency=${2:-32}; seconds=${3:-60}; rate=${4:-0}
work=$(mktemp -d); db="$work/load.db"; port=${PORT:-18765}
dotnet build -c Release src/Bot -v q -nologo >/dev/null
dotnet build -c Release tests/load/LoadClient -v q -nologo >/dev/null
client="dotnet tests/load/LoadClient/bin/Release/net10.0/LoadClient.dll"
$client setup "$db" tests/data/ledger.csv tests/data/users.csv
env ${BOT_ENV:-} ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  BotFramework__AllowUnauthenticatedLocal=true \
  dotnet src/Bot/bin/Release/net10.0/InstructorBot.dll serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/bot.log" 2>&1 &
bot=$!
trap 'kill $bot 2>/dev/null || true; rm -rf "$work"' EXIT
# Measure the host, not its start: wait until it is ready (index and models warmed up, /readyz 200), at most 180 s.
ready=0
for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && { ready=1; break; }; sleep 0.2; done
[ "$ready" = 1 ] || { echo "the host was not ready after 180 s: $(curl -s "http://127.0.0.1:$port/readyz")" >&2; exit 1; }
status=0
$client run "http://127.0.0.1:$port" "$db" "$seconds" "$count" "$concurrency" "$bot" "$rate" || status=1
kill "$bot"; wait "$bot" 2>/dev/null || true
$client verify "$db" || status=1
exit $status
