#!/usr/bin/python3
"""Drives `zhibiao serve` with wrk and prints requests/s and latency percentiles.

    web_benchmark.py ZHIBIAO [--duration 30] [--connections 64] [--threads 2] [--rounds 20] [--db URL]

ZHIBIAO is the zhibiao executable (build it with `swift build -c release`). The benchmark builds
the demo store (`zhibiao demo`) in a temporary folder — or, with --db postgres://…, copies it to
that PostgreSQL database, which must be empty or is replaced — adds a district and a commission
account and a token, starts `zhibiao serve` on a free port, and measures:

- the district's home page, the commission's board and `GET /api/v1/monitoring?period=2024Q4`
  (the district's token), each with wrk at CONNECTIONS concurrent connections for DURATION
  seconds: requests/s and the latency at the 50th, 90th and 99th percentile;
- a 50-row submission (`POST /api/v1/submissions`, new notes on the district's 2024 figures)
  until an open board has heard of it (server-sent events) and fetched itself again, ROUNDS times:
  the submission's own time and the time to the board's update, p50 and p99.

It prints one line per measure and, with --json, the figures as one JSON object.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

DISTRICT = ("bench.xihu", "西湖区", "district", "西湖-基准-2024-a")
COMMISSION = ("bench.drc", "市发改委", "commission", "发改-基准-2024-b")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(zhibiao, args, stdin=None, cwd=None):
    result = subprocess.run([zhibiao] + args, input=stdin, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"zhibiao {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def sign_in(port, name, password):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    body = urllib.parse.urlencode({"name": name, "password": password})
    connection.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie", "")
    if response.status != 303 or not cookie:
        sys.exit(f"{name} could not sign in ({response.status})")
    return cookie.split(";", 1)[0]


def wrk(path, header, port, args):
    command = [
        "wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
        "-H", header, f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True).stdout
    figures = {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile in ("50", "90", "99"):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        figures[f"p{percentile}_ms"] = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = int(non2xx.group(1)) if non2xx else 0
    errors = re.search(r"Socket errors: (.*)", output)
    if errors:
        figures["socket_errors"] = errors.group(1)
    return figures


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class BoardListener:
    """An open board: listens to /events as the commission and records when each change arrives."""

    def __init__(self, port, cookie):
        self.port, self.cookie = port, cookie
        self.arrived = threading.Event()
        self.connection = http.client.HTTPConnection("127.0.0.1", port)
        self.connection.request("GET", "/events", headers={"Cookie": cookie, "Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        threading.Thread(target=self.listen, daemon=True).start()

    def listen(self):
        while True:
            line = self.response.fp.readline()
            if not line:
                return
            if line.startswith(b"event: change"):
                self.arrived.set()

    def fetch_board(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        connection.request("GET", "/board?year=2024", headers={"Cookie": self.cookie, "Accept": "text/html"})
        response = connection.getresponse()
        response.read()
        return response.status


def submission_rounds(port, token, board, rounds):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": f"Bearer {token}"}
    connection.request("GET", "/api/v1/observations?org=district.xihu", headers=headers)
    figures = [row for row in json.loads(connection.getresponse().read()) if row["period"].startswith("2024")]
    figures = figures[:50]
    if len(figures) < 50:
        sys.exit(f"the demo store has {len(figures)} of 西湖's 2024 figures, not 50")
    submit_ms, board_ms = [], []
    for index in range(rounds):
        lines = ["indicator,org,period,value,note"] + [
            f"{row['indicator']},district.xihu,{row['period']},{row['value']},benchmark round {index}"
            for row in figures
        ]
        board.arrived.clear()
        start = time.perf_counter()
        connection.request(
            "POST", "/api/v1/submissions", "\n".join(lines) + "\n", {**headers, "Content-Type": "text/csv"}
        )
        response = connection.getresponse()
        body = response.read()
        submitted = time.perf_counter()
        if response.status != 201:
            sys.exit(f"the submission was answered {response.status}: {body[:300]!r}")
        if not board.arrived.wait(10):
            sys.exit("the board heard nothing of the submission within 10 s")
        if board.fetch_board() != 200:
            sys.exit("the board did not answer 200")
        updated = time.perf_counter()
        submit_ms.append((submitted - start) * 1000)
        board_ms.append((updated - start) * 1000)
    return {
        "submit_p50_ms": percentile(submit_ms, 0.5), "submit_p99_ms": percentile(submit_ms, 0.99),
        "board_update_p50_ms": percentile(board_ms, 0.5), "board_update_p99_ms": percentile(board_ms, 0.99),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("zhibiao")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db", help="a postgres:// URL to serve from instead of the demo's SQLite file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    zhibiao = os.path.abspath(args.zhibiao)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = tempfile.mkdtemp(prefix="zhibiao-web-benchmark-")
    server = None
    try:
        run(zhibiao, ["demo", "--out", folder], cwd=root)
        db = os.path.join(folder, "zhibiao.sqlite")
        if args.db:
            run(zhibiao, ["store", "copy", "--from", db, "--to", args.db, "--replace"], cwd=root)
            db = args.db
        for name, org, role, password in (DISTRICT, COMMISSION):
            run(zhibiao, ["users", "add", name, "--org", org, "--role", role, "--password-stdin", "--db", db],
                stdin=password + "\n", cwd=root)
        token = run(zhibiao, ["tokens", "create", "benchmark", "--user", DISTRICT[0], "--db", db], cwd=root).strip().split()[-1]
        port = free_port()
        log = open(os.path.join(folder, "serve.log"), "w")
        server = subprocess.Popen(
            [zhibiao, "serve", "--db", db, "--port", str(port)], cwd=root, stdout=log, stderr=log)
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        district = sign_in(port, DISTRICT[0], DISTRICT[3])
        commission = sign_in(port, COMMISSION[0], COMMISSION[3])
        results = {}
        for label, path, header in (
            ("district home", "/?year=2024", f"Cookie: {district}"),
            ("board", "/board?year=2024", f"Cookie: {commission}"),
            ("API monitoring", "/api/v1/monitoring?period=2024Q4", f"Authorization: Bearer {token}"),
        ):
            figures = wrk(path, header, port, args)
            results[label] = figures
            print(
                f"{label:16} {figures['requests_per_second']:9.1f} req/s  p50 {figures['p50_ms']:7.2f} ms"
                f"  p90 {figures['p90_ms']:7.2f} ms  p99 {figures['p99_ms']:7.2f} ms  non-2xx {figures['errors']}"
                + (f"  socket errors {figures['socket_errors']}" if "socket_errors" in figures else ""),
                flush=True,
            )
        board = BoardListener(port, commission)
        rounds = submission_rounds(port, token, board, args.rounds)
        results["submission"] = rounds
        print(
            f"50-row submission: p50 {rounds['submit_p50_ms']:.1f} ms, p99 {rounds['submit_p99_ms']:.1f} ms;"
            f" to the board's update: p50 {rounds['board_update_p50_ms']:.1f} ms,"
            f" p99 {rounds['board_update_p99_ms']:.1f} ms ({args.rounds} rounds)",
            flush=True,
        )
        if args.json:
            print(json.dumps({"connections": args.connections, "duration_s": args.duration, **results}, indent=2))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
