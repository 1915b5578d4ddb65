#!/usr/bin/env bash
# Installs what Zhibiao builds and tests against (Debian/Ubuntu), only what is missing:
# libyaml for the YAML layer, SQLite for the embedded store, zlib for reading .xlsx workbooks,
# libxlsxwriter for writing them, pkg-config to find them; PostgreSQL (server and client tools)
# for the shared store's tests and `zhibiao backup` there; openpyxl and python-docx, to open the
# written workbooks and Word documents as another producer would; and for the browser check of the HTML report, headless Chromium with
# its WebDriver, a CJK font (without one every Chinese character renders as a box) and Selenium
# for Python; and poppler's pdfinfo and pdftotext, to read the PDFs Chromium prints.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libyaml-dev libsqlite3-dev zlib1g-dev libxlsxwriter-dev pkg-config postgresql chromium chromium-driver fonts-noto-cjk
  python3-openpyxl python3-docx poppler-utils)
# Selenium comes from Debian where it is packaged; elsewhere from PyPI, into this venv.
venv=.build/browser-venv

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

# dpkg -s succeeds for a removed package whose configuration files remain; ask for "installed".
installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

needed=()
for package in "${packages[@]}"; do
  installed "$package" || needed+=("$package")
done
selenium_present=false
if /usr/bin/python3 -c "import selenium" >/dev/null 2>&1 || "$venv/bin/python3" -c "import selenium" >/dev/null 2>&1; then
  selenium_present=true
fi

if [ ${#needed[@]} -eq 0 ] && $selenium_present; then
  echo "system packages present: ${packages[*]} python3-selenium"
  exit 0
fi

$sudo_cmd apt-get update -qq
selenium_from_pypi=false
if ! $selenium_present; then
  # Read the whole answer first: grep -q closing the pipe early would fail it under pipefail.
  policy=$(apt-cache policy python3-selenium 2>/dev/null)
  if [[ "$policy" =~ Candidate:\ [0-9] ]]; then
    needed+=(python3-selenium)
  else
    selenium_from_pypi=true
    installed python3-venv || needed+=(python3-venv)
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ ${#needed[@]} -gt 0 ]; then
  echo "installing: ${needed[*]}"
  if ! DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
fi
if $selenium_from_pypi; then
  echo "installing: selenium (PyPI) into $venv"
  if ! { /usr/bin/python3 -m venv "$venv" && "$venv/bin/pip" install -q selenium; } >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
fi
