#!/usr/bin/env bash
# Creates the Python virtual environment the peers run in (Tools/peers/.venv) with polars, DuckDB
# and pandas from PyPI. Run once; compare.py uses it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet polars duckdb pandas numpy
"$here/.venv/bin/python" -c 'import polars, duckdb, pandas; print("polars", polars.__version__, "· duckdb", duckdb.__version__, "· pandas", pandas.__version__)'
