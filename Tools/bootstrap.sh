#!/usr/bin/env bash
# Installs the system libraries Zhibiao builds against (Debian/Ubuntu):
# libyaml for the YAML layer, SQLite for the embedded store, pkg-config to find them.
set -euo pipefail
needed=()
for package in libyaml-dev libsqlite3-dev pkg-config; do
  dpkg -s "$package" >/dev/null 2>&1 || needed+=("$package")
done
if [ ${#needed[@]} -gt 0 ]; then
  echo "installing: ${needed[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}"
else
  echo "system packages present: libyaml-dev libsqlite3-dev pkg-config"
fi
