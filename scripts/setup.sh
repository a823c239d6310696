#!/usr/bin/env bash
# Installs everything `make test` needs, on a fresh Debian/Ubuntu machine or
# in CI. Idempotent: each step checks first, so a second run takes seconds.
#
#   chromium + chromedriver   browser tests (apt)
#   poppler-utils             pdftoppm: the printed sheets' first pages as PNG (apt)
#   zopfli                    the web build's deflate of the wasm (apt)
#   Rust target + components  wasm32-unknown-unknown, clippy, rustfmt (rustup)
#   wasm-bindgen-cli          exactly the wasm-bindgen version in Cargo.lock
#   node packages             playwright-core, axe-core, binaryen (npm ci)
#
# Debian's binaryen is not installed: its wasm-opt 108 breaks wasm-bindgen's
# output (see wasm_opt_bin in wasm-pack.toml); the build uses binaryen from npm.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif have sudo; then sudo "$@"
  else say "need root for: $*"; exit 1
  fi
}

# ---- system packages ------------------------------------------------------
apt_missing=()
have chromium || have chromium-browser || apt_missing+=(chromium)
have chromedriver || apt_missing+=(chromium-driver)
have pdftoppm || apt_missing+=(poppler-utils)
have zopfli || apt_missing+=(zopfli)
have node || apt_missing+=(nodejs)
have npm || apt_missing+=(npm)
have python3 || apt_missing+=(python3)
have curl || apt_missing+=(curl ca-certificates)
if [ ${#apt_missing[@]} -gt 0 ]; then
  if ! have apt-get; then
    say "please install: ${apt_missing[*]}"; exit 1
  fi
  say "installing ${apt_missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi

python3 - <<'EOF' || { say "python 3.11 or newer is needed (tomllib)"; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
EOF

# ---- Rust -----------------------------------------------------------------
if ! have cargo || ! have rustup; then
  if [ -x "$HOME/.cargo/bin/rustup" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
components=$(rustup component list --installed)
for c in clippy rustfmt; do
  if ! grep -q "^$c" <<<"$components"; then
    say "adding $c"
    rustup component add "$c"
  fi
done

# ---- wasm-bindgen-cli, matching the library version -----------------------
# The CLI and the wasm-bindgen crate must be the same version, or the CLI
# refuses the module; Cargo.lock says which one the crate uses.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(python3 - <<'EOF'
import tomllib
lock = tomllib.load(open("Cargo.lock", "rb"))
print(next(p["version"] for p in lock["package"] if p["name"] == "wasm-bindgen"))
EOF
)
have_version=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')
if [ "$have_version" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have_version:-none}); this takes a few minutes"
  # No --locked: the CLI's own lock file pins a yanked crate that cargo then
  # refuses to download.
  cargo install wasm-bindgen-cli --version "$want"
fi

# ---- node packages ---------------------------------------------------------
# Reinstall when package-lock.json changed since the last install.
stamp=node_modules/.sourcelight-lock.sha256
if [ -f package-lock.json ]; then
  lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
    echo "$lock_sum" > "$stamp"
  fi
elif [ ! -d node_modules ]; then
  say "npm install (no package-lock.json)"
  npm install --no-audit --no-fund
fi

say "ready: $(rustc --version), $(wasm-bindgen --version), node $(node --version), $(chromium --version 2>/dev/null | head -1)"
