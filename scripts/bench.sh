#!/usr/bin/env bash
# Builds the release widget and prints its sizes and cold-load times, one figure a line.
# Not part of the test command: timings vary with the machine; sizes are checked there instead.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$RC_ROOT"
trunk build --release >&2
echo "bench_date $(date -u +%Y-%m-%d)"
echo "bench_chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
exec node scripts/bench.mjs
