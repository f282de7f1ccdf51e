#!/usr/bin/env bash
# Builds the release widget and serves the demo partner page on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$RC_ROOT"
trunk build --release
exec node scripts/serve.mjs dist
