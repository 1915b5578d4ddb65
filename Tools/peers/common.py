"""What the three peers share: the command line, the scheme's constants and the results' files.

Every peer computes, from the CSV files `monitor-benchmark --csv DIR` writes, the same two things
Zhibiao's full pass computes at the last quarter (which the files' periods end with, a Q4):

- the traffic light of every row (indicator x org with a target): the pace of the year-to-date
  figure against the year-to-date target, judged by the bands (10 points behind is yellow, more
  is red; 1 percentage point for a rate);
- the points of every district on every indicator item of the benchmark's assessment scheme,
  in hundredths of a point, in integers rounded half away from zero as Zhibiao's dense assessment
  scores them (completion capped at 1.2 with a floor of 0.6 for flows, piecewise 0.2 points per
  point for stocks, a gap of 4 points per percentage point for ratios).

What they leave out (Zhibiao computes it in the same pass): the previous quarter's light, the
plan-period view, the year-end projection, the data-quality flags (late, missing, falling
year-to-date figures, the outlier tests over time and across districts, the sum check), the city
bureau's owned items, the graded tasks, bonuses, deductions, vetoes, totals, ranks and grades.
Targets measured as an increase, a cumulative addition or an average are not handled (the
benchmark generates levels only).
"""

import argparse
import json
import os
import resource
import time

# The bands of the default monitoring settings.
YELLOW_POINTS = 10.0
RATE_YELLOW_POINTS = 1.0
# The benchmark's scheme (Tools/MonitorBenchmark/BenchmarkScheme.swift): districts share 90 points
# in equal hundredths over the indicator items; rule parameters in ten-thousandths.
DISTRICT_ITEM_HUNDREDTHS = 9_000
COMPLETION_CAP = 12_000
COMPLETION_FLOOR = 6_000
PIECEWISE_PER_POINT = 2_000
PIECEWISE_MAX_ABOVE = 10_000
PIECEWISE_MAX_BELOW = 50_000
GAP_PER_POINT = 40_000


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data", help="the directory monitor-benchmark --csv wrote")
    parser.add_argument("--out", help="write lights.csv and points.csv into this directory")
    return parser.parse_args()


def weights(indicator_count):
    """Each indicator item's weight in ten-thousandths, in the scheme's order."""
    base, extra = divmod(DISTRICT_ITEM_HUNDREDTHS, indicator_count)
    return [(base + (1 if index < extra else 0)) * 100 for index in range(indicator_count)]


def finish(name, load_seconds, compute_seconds, lights, points, out):
    """Prints one JSON line of figures and writes the results (a list of (indicator, org, status)
    and of (indicator, org, points or None))."""
    if out:
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "lights.csv"), "w") as file:
            file.write("indicator,org,status\n")
            file.writelines(f"{i},{o},{s}\n" for i, o, s in lights)
        with open(os.path.join(out, "points.csv"), "w") as file:
            file.write("indicator,org,points\n")
            file.writelines(f"{i},{o},{'' if p is None else p}\n" for i, o, p in points)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({
        "tool": name, "load_seconds": load_seconds, "compute_seconds": compute_seconds,
        "rows": len(lights), "lines": len(points), "peak_rss_bytes": peak,
    }))


class Stopwatch:
    def __init__(self):
        self.start = time.perf_counter()

    @property
    def elapsed(self):
        return time.perf_counter() - self.start
