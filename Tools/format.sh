#!/usr/bin/env bash
# Formats every Swift file in place with the committed .swift-format, then lints strictly.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format -i -r Package.swift Sources Plugins Tests
swift format lint --strict -r Package.swift Sources Plugins Tests
