#!/usr/bin/env bash
# Install the Debian packages DPO Desk needs that are missing: Pango and HarfBuzz for WeasyPrint, fonts that
# cover Latin, Greek, Cyrillic and emoji for PDF reports, and gettext for translations. With --browser it adds
# Chromium for the browser tests. Needs root and apt-get; elsewhere it lists what is missing and carries on.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core fonts-noto-color-emoji gettext)
if [[ "${1:-}" == "--browser" ]]; then
  packages+=(chromium)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]}. Install them with your package manager (apt-get install ${missing[*]})." >&2
  exit 0
fi

echo "Installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
