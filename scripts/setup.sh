#!/usr/bin/env bash
# Installs what roilens needs on a fresh Debian machine; does nothing for what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(cmake g++ make emscripten nlohmann-json3-dev libgtest-dev libgmock-dev
              libbenchmark-dev chromium nodejs npm)
missing=()
for p in "${apt_packages[@]}"; do
  # node/npm may come from elsewhere (e.g. NodeSource); only install Debian's when absent.
  if [[ $p == nodejs && -x "$(command -v node || true)" ]]; then continue; fi
  if [[ $p == npm && -x "$(command -v npm || true)" ]]; then continue; fi
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages from the committed lock file; re-run only when the lock changed.
stamp=node_modules/.roilens-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
