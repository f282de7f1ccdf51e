#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32), native tests, browser tests
# (wasm-bindgen-test in headless Chromium), end-to-end tests (Playwright against the release
# build) and the size budget. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$RC_ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy: native, with and without the web layer"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --no-default-features -- -D warnings

step "clippy: wasm32"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests (the domain, without yew or web-sys)"
# The boundary is proven by the build graph, not by a grep of the source.
web_crates="$(cargo tree --locked --no-default-features -e normal,build --prefix none |
  awk '{print $1}' | grep -E '^(yew|web-sys|js-sys|wasm-bindgen|gloo)' | sort -u || true)"
if [ -n "$web_crates" ]; then
  echo "the domain build pulls in web crates: $web_crates" >&2
  exit 1
fi
cargo test --locked --no-default-features

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release

step "end-to-end tests (Playwright, Debian's Chromium)"
npx playwright test

step "size budget"
node scripts/size.mjs --check

step "all tests passed"
