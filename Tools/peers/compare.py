"""Runs Zhibiao's monitor-benchmark and the peers (polars, DuckDB, pandas) interleaved on the same
generated data, three rounds each, and prints one table: the time of the computation (the median
of the rounds), the time to load the CSV files, the peak memory of the process, the ratio to
Zhibiao's time, and whether each peer agrees with Zhibiao on every light, every item's points and
the top ten districts by item points.

Zhibiao's time is its full monitoring and assessment pass (`full_pass_seconds`, the median of its
own runs), which computes more than the peers do (see common.py); a peer's is its computation on
frames already in memory. Peak memory is the process's VmHWM / ru_maxrss: for Zhibiao with its
generated grids, for a peer with its loaded frames.

Usage (from the repository root, after `swift build -c release --product monitor-benchmark` and
`Tools/peers/setup.sh`):

    Tools/peers/.venv/bin/python Tools/peers/compare.py [--orgs 300] [--indicators 100] [--rounds 3]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = ["polars", "duckdb", "pandas"]


def run(command):
    """Runs `command`, returning the figures of its last JSON line."""
    process = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    output = process.stdout
    if process.returncode:
        sys.exit(f"{command[0]} failed with status {process.returncode}")
    lines = [line for line in output.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def read(path):
    with open(path) as file:
        next(file)
        return [tuple(line.rstrip("\n").split(",")) for line in file]


def top_ten(points):
    totals = {}
    for _, org, value in points:
        totals[org] = totals.get(org, 0) + (int(value) if value else 0)
    return [org for org, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:10]]


def main():
    parser = argparse.ArgumentParser(description="Zhibiao against polars, DuckDB and pandas.")
    parser.add_argument("--orgs", type=int, default=300)
    parser.add_argument("--indicators", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5, help="Zhibiao's runs of each timing in one round")
    parser.add_argument("--benchmark", default=".build/release/monitor-benchmark")
    parser.add_argument("--data", help="where to write the CSV files (default: a temporary directory)")
    args = parser.parse_args()
    python = sys.executable
    data = args.data or tempfile.mkdtemp(prefix="zhibiao-peers-")
    size = ["--orgs", str(args.orgs), "--indicators", str(args.indicators)]
    zhibiao = [args.benchmark, *size, "--no-report", "--no-all-periods", "--json", "--runs", str(args.runs)]

    print(f"Writing the data ({args.orgs} districts x {args.indicators} indicators x 20 quarters) to {data} …")
    first = run(zhibiao + ["--csv", data, "--results", os.path.join(data, "zhibiao"), "--updates", "3"])
    print(f"{first.get('observations', 0):,} observations, CSV written in {first.get('csv_seconds', 0):.1f} s")

    times = {name: [] for name in ["zhibiao", *PEERS]}
    loads = {name: [] for name in PEERS}
    peaks = {name: [] for name in ["zhibiao", *PEERS]}
    for round in range(args.rounds):
        for name in ["zhibiao", *PEERS]:
            if name == "zhibiao":
                figures = run(zhibiao + ["--updates", "3"])
                times[name].append(figures["full_pass_seconds"])
                peaks[name].append(figures["peak_rss_bytes"])
            else:
                out = os.path.join(data, name) if round == 0 else None
                command = [python, os.path.join(HERE, f"monitoring_{name}.py"), data] + (["--out", out] if out else [])
                figures = run(command)
                times[name].append(figures["compute_seconds"])
                loads[name].append(figures["load_seconds"])
                peaks[name].append(figures["peak_rss_bytes"])
            print(f"round {round + 1}: {name:8} {times[name][-1]:.3f} s", flush=True)

    reference_lights = sorted(read(os.path.join(data, "zhibiao", "lights.csv")))
    reference_points = read(os.path.join(data, "zhibiao", "points.csv"))
    reference_top = top_ten(reference_points)
    zhibiao_time = statistics.median(times["zhibiao"])
    print()
    print(f"{'tool':10}{'compute s':>11}{'load s':>9}{'peak MB':>9}{'ratio':>8}  lights  points  top-10")
    print(f"{'zhibiao':10}{zhibiao_time:11.3f}{'—':>9}{max(peaks['zhibiao']) / 2**20:9.0f}{1:8.1f}  —       —       —")
    for name in PEERS:
        lights = sorted(read(os.path.join(data, name, "lights.csv")))
        points = read(os.path.join(data, name, "points.csv"))
        agree = lambda same: "equal" if same else "DIFFER"
        median = statistics.median(times[name])
        print(
            f"{name:10}{median:11.3f}{statistics.median(loads[name]):9.2f}{max(peaks[name]) / 2**20:9.0f}"
            f"{median / zhibiao_time:8.1f}  {agree(lights == reference_lights):8}{agree(sorted(points) == sorted(reference_points)):8}"
            f"{agree(top_ten(points) == reference_top)}")
    print()
    print("compute s: median of the rounds (Zhibiao: full monitoring + assessment pass; peers: the last quarter's")
    print("lights and the districts' item points on frames in memory). ratio: peer / Zhibiao.")


if __name__ == "__main__":
    main()
