#!/usr/bin/env bash
# Installs every tool the build, the tests and the benchmark need, pinned, and puts them on PATH.
# Idempotent: when everything is already there it only checks versions (a few seconds).
#
# Source it (`. scripts/setup.sh`) from the other scripts; running it alone installs and exits.
#
# Tools and where they come from (nothing downloads anything at run time):
#   wasm32-unknown-unknown   rustup target
#   trunk 0.21.x             cargo install --locked (0.22 needs a newer rustc)
#   wasm-bindgen-cli         cargo install, at exactly the version in Cargo.lock
#   wasm-opt                 npm package binaryen (Debian's is too old for today's Rust output)
#   chromium, chromedriver   Debian packages
#   Playwright, axe-core     npm ci from package-lock.json, browsers not downloaded
set -euo pipefail

RC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RC_TOOLS="${RECOVERY_CHECKIN_TOOLS:-$HOME/.cache/recovery-checkin}"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The version of a crate as locked in Cargo.lock.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$RC_ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
}

# ensure_cargo_tool BINARY CRATE VERSION [--locked]
ensure_cargo_tool() {
  local binary="$1" crate="$2" version="$3" locked="${4:-}"
  if [ -x "$RC_TOOLS/bin/$binary" ] && "$RC_TOOLS/bin/$binary" --version 2>/dev/null | grep -qw "$version"; then
    return
  fi
  say "installing $crate $version into $RC_TOOLS (a few minutes, once)"
  # shellcheck disable=SC2086
  cargo install "$crate" --version "=$version" $locked --force --root "$RC_TOOLS"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

ensure_node_packages() {
  local stamp="$RC_ROOT/node_modules/.installed-from-lock"
  local want
  want="$(sha256sum "$RC_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  say "installing the test packages with npm ci"
  (cd "$RC_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

rc_setup() {
  ensure_wasm_target
  ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # --locked fails here: wasm-bindgen-cli's lock names a crate version the registry no longer serves.
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$(locked_version wasm-bindgen)"
  ensure_chromium
  ensure_node_packages
}

rc_setup
export PATH="$RC_TOOLS/bin:$RC_ROOT/node_modules/.bin:$PATH"
export RC_ROOT RC_TOOLS
# Panic locations in the wasm name the source files of the crates they are in, and the
# registry's crates are under CARGO_HOME, which differs between machines and users: the release
# wasm's size would too. Each registry folder maps to nothing, leaving `js-sys-0.3.107/src/...`,
# the same everywhere (and 53 bytes smaller, gzip -9). Only for wasm32 builds, where it counts.
rc_remap_registry() {
  local index flags=""
  for index in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    case "$index" in *" "*) continue ;; esac # these flags are split at spaces
    [ -d "$index" ] && flags+="--remap-path-prefix=$index= "
  done
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags% }"
}
rc_remap_registry
# Trunk: use the tools on PATH, never download.
export TRUNK_OFFLINE=true
# Playwright: never download a browser; use Debian's.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
