#!/usr/bin/env python3
"""Generate the illustrative monitoring sample under Config/sample/.

Run from anywhere:

    python3 Tools/sample-data/generate_observations.py
    python3 Tools/sample-data/generate_observations.py --target-book book.json   # also compare with
                                                 # `zhibiao decompose --format json --quarterly`

It writes four files:

  Config/sample/observations.csv     reported values 2022Q1 … 2024Q4 by indicator, org, period
  Config/sample/registers.csv        named entries of the registers (名录) the counts come from
  Config/sample/mistakes-gbk.csv     a district's submission with typical mistakes, in GBK, CRLF
  Config/sample/mistakes-expected.txt  the line of every mistake and what is wrong with it

EVERYTHING HERE IS ILLUSTRATIVE: invented for demonstration, not official statistics. The
only real figures it builds on are the 'reported' rows of Config/baselines.csv (the 2021
starting points, among them the real end-2021 count of national incubators by district).

The script is deterministic. Its only randomness is random.Random, seeded with the fixed
string SEED plus the name of what is drawn (e.g. SEED + '/annual/finance.finance_va/xihu'), so that
adding an indicator leaves every other figure as it was. Amounts are held as integer units
of the indicator's precision (tenths of 亿元 …), computed with Fraction and Decimal, never
with platform floats, and the city row is the exact sum of its districts' units.

HOW THE VALUES ARE MADE
-----------------------
* Level targets (亿元 flows with a 2025 target): each district follows its own compound path
  from its 2021 baseline to its share of the 2025 target, x_t = x_0·(T/X_0)^(t/4) (the target
  book's `baseline_share` method), times a district noise of a few percent that persists
  from year to year (e_y = ½·e_(y−1) + u, u uniform in −2 % … +3 %, capped to −2 % … +5 %),
  rounded up to the precision. The year's total thus sits around the year's target, and
  no district outside LAGGARDS ends a year more than 2 % below its path (quarters, with
  their seasonal noise, at most about 5 % below; 2022Q1, weak on purpose, about 10 %).
* Where a district's software revenue on pace would pass its ICT revenue (the plan puts both
  at 13,000 in 2025), ICT is raised to 1.02 × software in every quarter (NEST_UP).
* Quarters are year to date: the year's total times cumulative shares around
  0.23, 0.48, 0.73, 1 (a common draw per district and year ± 0.6 points, plus ± 0.4 per
  indicator; 2022Q1 1.2 points weaker). Year to date therefore never falls within a year.
* Supporting amounts without a target are built from a part that has one, so that they nest
  in every district and quarter: services VA = producer-services VA + other services;
  GDP = services VA + the rest of the economy; services revenue = producer-services revenue
  + consumer services; digital-economy services revenue = ICT revenue + other digital
  services. The rest grows at the rates in COMPOSITES. R&D expenditure = the district's 2021
  R&D intensity, scaled up like the city path 3.68 % → 4 % (2025), times its GDP. The green
  loan balance (a stock) grows 26 %, 24 % and 22 % a year (above the 20 % target) with
  end-of-quarter levels between the year-ends.
* Counts (家, 个) follow the target book's district paths in COUNT_PATHS (on pace; the
  districts in COUNTS_AHEAD a step early). New tech listings are individual listings, 15 a
  year (the quota), each placed in a quarter no later than the target book's quarterly path
  needs it (LISTING_PATHS); rows are cumulative within the year only.
* Registers: every district's count at the end of 2021 equals its baseline (for national
  incubators the reported one), recognised on dates in earlier years; the new entries of
  2022–2024 follow the same target-book paths, so 国家级孵化器 57 → 60, 64, 67,
  国家级工业设计中心 8 → 10, 12, 13, 省级 52 → 57, 63, 68, UFI 3 → 3, 4, 5. 省级 and 市级
  incubators (counted by no indicator) are in OTHER_INCUBATORS.
* Laggards (on purpose, and only these): 富阳区 on plan.producer_services_va and
  logistics.express_revenue, 临安区 on digital.software_revenue and digital.ict_revenue,
  淳安县 on finance.finance_va; 10–25 % below their own path by 2024 (LAGGARDS).
* Late (on purpose): district.jiande has no 2024Q4 rows at all. The city's 2024Q4 rows are
  the statistics bureau's figures and include Jiande, so they equal the sum of all 13
  districts once Jiande reports (CITY_INCLUDES_LATE; set it False to leave the city's 2024Q4
  rows as the sum of the 12 districts that reported).
* City-only: plan.producer_services_va_rank 6, 5, 5 and digital.top_mcn_seats 3, 4, 4.
  No rows for the four counts that are only counted from their registers (UNREPORTED_COUNTS),
  derived ratios and growth rates, plan.net_zero_rank or qualitative aims. The other twelve
  counts are reported as the districts send them and are checked against their registers.
* Registers: every count's register has entries that reproduce the reported counts at every
  year end (a flow's listings in every quarter), with a few entities withdrawn (撤销, 摘牌,
  迁出) and replaced within the year (CHURN). One withdrawal is on purpose not reflected in the
  reported figures (UNREPORTED_WITHDRAWAL): 余杭区's 2024 count of leading creative design
  enterprises, and the city's, are one more than the register's, and monitoring flags both.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate_baselines as gb  # noqa: E402  (load_config, precision_of, fmt, D, DERIVED)

ROOT = gb.ROOT
CONFIG = gb.CONFIG
OUT_DIR = os.path.join(CONFIG, "sample")
BASELINES = os.path.join(CONFIG, "baselines.csv")
D = gb.D

SEED = "zhibiao-observations-v1"
BASE_YEAR = 2021
YEARS = [2022, 2023, 2024, 2025]
TARGET_YEAR = 2025
# The years of observations.csv; the target year goes to observations-2025.csv (FINAL_FILE).
FIRST_YEARS = [2022, 2023, 2024]
FINAL_FILE = f"observations-{TARGET_YEAR}.csv"
FINAL_REGISTERS = f"registers-{TARGET_YEAR}.csv"
QUARTERS = [1, 2, 3, 4]
PROFILE = [Fraction(23, 100), Fraction(48, 100), Fraction(73, 100), Fraction(1)]

LATE_DISTRICT = "jiande"
LATE_PERIOD = "2024Q4"
# When the late district's rows arrive at last (in observations-2025.csv), and their note.
LATE_REPORTED_ON = "2025-03-06"
LATE_NOTE = "补报"
CITY_INCLUDES_LATE = True

getcontext().prec = 40

# Districts that fall behind on purpose: factor on their own path in 2022, 2023, 2024, 2025. In
# the target year two of them catch up to within 10 % of their target (基本完成 in the final
# evaluation) and three stay below it (未完成).
LAGGARDS = {
    ("plan.producer_services_va", "fuyang"): (Fraction("0.96"), Fraction("0.90"), Fraction("0.85"), Fraction("0.86")),
    ("logistics.express_revenue", "fuyang"): (Fraction("0.95"), Fraction("0.87"), Fraction("0.80"), Fraction("0.93")),
    ("digital.software_revenue", "linan"): (Fraction("0.95"), Fraction("0.88"), Fraction("0.81"), Fraction("0.84")),
    ("digital.ict_revenue", "linan"): (Fraction("0.97"), Fraction("0.93"), Fraction("0.88"), Fraction("0.94")),
    ("finance.finance_va", "chunan"): (Fraction("0.96"), Fraction("0.91"), Fraction("0.84"), Fraction("0.82")),
}

# Supporting amounts built as part + rest: (part, growth of the rest in 2022, 2023, 2024, 2025).
COMPOSITES = {
    "plan.services_va": ("plan.producer_services_va", ("0.02", "0.05", "0.05", "0.05")),
    "plan.gdp": ("plan.services_va", ("0.02", "0.05", "0.05", "0.05")),
    "plan.services_revenue": ("plan.producer_services_revenue", ("0.03", "0.08", "0.06", "0.06")),
    "digital.digital_economy_services_revenue": ("digital.ict_revenue", ("0.04", "0.07", "0.07", "0.06")),
}
GREEN_LOAN_GROWTH = ("0.26", "0.24", "0.22", "0.21")
SUPPORTING = set(COMPOSITES) | {"tech.rd_expenditure", "finance.green_loan_balance"}

# Nesting the target book cannot keep: software and ICT are both 13,000 in 2025, so where a
# district's software is most of its ICT (西湖, 滨江, 余杭, 钱塘) software on pace would pass ICT.
# There ICT is raised to at least 1.02 × software, in every quarter (ICT a little ahead of pace).
NEST_UP = [("digital.software_revenue", "digital.ict_revenue", Fraction(102, 100))]

# City-only indicators that get the owner's row (annual).
CITY_ONLY_ROWS = {
    "plan.producer_services_va_rank": {2022: 6, 2023: 5, 2024: 5, 2025: 4},
    "digital.top_mcn_seats": {2022: 3, 2023: 4, 2024: 4, 2025: 5},
}

# District paths of counts, 2022–2025, as in the target book (`zhibiao decompose`); districts
# not named keep their 2021 count. For `increase` targets the tuple is the increase since 2021.
COUNT_PATHS = {
    "plan.service_manufacturing_demos": {
        "xihu": (1, 1, 2, 2), "binjiang": (3, 3, 3, 3), "xiaoshan": (3, 3, 3, 3),
        "yuhang": (1, 2, 2, 2), "linping": (1, 1, 2, 2), "qiantang": (1, 1, 1, 2),
    },
    "digital.trade_platforms": {"binjiang": (1, 2, 2, 2), "yuhang": (2, 2, 2, 3)},
    "tech.national_incubators": {
        "shangcheng": (7, 7, 7, 8), "gongshu": (5, 6, 6, 6), "xihu": (6, 7, 7, 7),
        "binjiang": (15, 16, 16, 17), "xiaoshan": (5, 6, 6, 6), "yuhang": (9, 9, 9, 10),
        "linping": (3, 3, 4, 4), "qiantang": (5, 5, 6, 6), "linan": (3, 3, 4, 4),
    },
    "tech.national_design_centres": {
        "binjiang": (3, 3, 3, 4), "xiaoshan": (3, 3, 3, 3), "yuhang": (1, 2, 2, 2),
        "linping": (1, 2, 2, 2), "qiantang": (1, 1, 2, 2), "fuyang": (1, 1, 1, 2),
    },
    "tech.provincial_design_centres": {
        "gongshu": (3, 4, 4, 4), "xihu": (3, 4, 4, 4), "binjiang": (8, 9, 9, 10),
        "xiaoshan": (10, 11, 12, 13), "yuhang": (7, 8, 8, 9), "linping": (7, 7, 8, 9),
        "qiantang": (7, 7, 8, 8), "fuyang": (5, 6, 6, 7), "linan": (3, 3, 4, 4),
        "tonglu": (2, 2, 3, 3),
    },
    "finance.fintech_leaders": {
        "shangcheng": (1, 1, 2, 2), "xihu": (3, 3, 3, 3), "binjiang": (2, 2, 2, 3),
        "yuhang": (1, 2, 2, 2),
    },
    "logistics.smart_demo_enterprises": {
        "gongshu": (1, 2, 2, 3), "xiaoshan": (3, 4, 4, 5), "yuhang": (2, 2, 3, 3),
        "linping": (1, 2, 2, 2), "qiantang": (1, 1, 2, 2),
    },
    "logistics.smart_parks": {"xiaoshan": (3, 4, 4, 5), "yuhang": (2, 2, 3, 3), "qiantang": (1, 1, 2, 2)},
    "business.ufi_fairs": {"xihu": (0, 0, 1, 1), "xiaoshan": (0, 1, 1, 2)},  # increase
    "business.hr_parks": {"shangcheng": (2, 2, 2, 2), "binjiang": (1, 1, 2, 2)},
    "business.design_leaders": {
        "shangcheng": (1, 2, 2, 2), "gongshu": (1, 1, 1, 2), "xihu": (1, 2, 2, 2),
        "binjiang": (1, 1, 2, 2), "yuhang": (2, 2, 2, 2),
    },
    "business.hq_enterprises": {  # increase
        "shangcheng": (6, 11, 17, 22), "gongshu": (3, 6, 9, 12), "xihu": (4, 8, 11, 15),
        "binjiang": (3, 7, 10, 14), "xiaoshan": (3, 7, 10, 13), "yuhang": (3, 5, 8, 10),
        "linping": (1, 2, 2, 3), "qiantang": (1, 2, 3, 4), "fuyang": (1, 1, 2, 3),
        "linan": (0, 1, 1, 2), "tonglu": (0, 0, 1, 1), "jiande": (0, 0, 1, 1),
    },
    "business.hq_10bn": {
        "shangcheng": (11, 13, 14, 15), "gongshu": (4, 5, 5, 6), "xihu": (6, 7, 7, 8),
        "binjiang": (7, 7, 8, 9), "xiaoshan": (8, 9, 10, 11), "yuhang": (5, 5, 6, 6),
        "linping": (1, 1, 2, 2),
    },
    "business.hq_100bn": {
        "shangcheng": (3, 3, 3, 3), "gongshu": (1, 1, 2, 2), "binjiang": (1, 2, 2, 2),
        "xiaoshan": (2, 2, 2, 3),
    },
}

# New tech listings: the target book's cumulative count since 2021 at the end of each quarter,
# 2022Q1 … 2025Q4 (districts not named: none). Each year's listings are placed in quarters no
# later than this path needs them, some earlier, so no district falls behind in any quarter.
LISTING_PATHS = {
    "shangcheng": (0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4),
    "xihu": (1, 1, 1, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8, 8, 8, 9),
    "binjiang": (2, 3, 3, 5, 7, 7, 7, 9, 11, 11, 11, 13, 15, 16, 16, 18),
    "xiaoshan": (0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4),
    "yuhang": (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13),
    "linping": (0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4),
    "qiantang": (0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4),
    "fuyang": (0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4),
}

# A district one step ahead of its path in a year (counts only; never behind).
COUNTS_AHEAD = {
    ("business.hq_enterprises", "shangcheng", 2023): 2,
    ("business.hq_enterprises", "binjiang", 2024): 1,
    ("business.hq_enterprises", "xiaoshan", 2022): 1,
    ("logistics.smart_demo_enterprises", "qiantang", 2023): 1,
    ("business.design_leaders", "gongshu", 2024): 1,
}

# A few realistic notes: (indicator, org suffix or 'city', period) -> note.
NOTES = {
    ("plan.gdp", "city", "2024Q4"): "初步核算",
    ("plan.gdp", "city", "2023Q4"): "最终核实数",
    ("tech.rd_expenditure", "city", "2024"): "快报数",
    ("plan.services_revenue", "qiantang", "2023Q1"): "含新纳统企业",
    ("digital.software_revenue", "yuhang", "2024Q1"): "含新纳统企业",
    ("logistics.express_revenue", "fuyang", "2024Q3"): "区内快递分拨中心外迁",
    ("digital.software_revenue", "linan", "2024Q2"): "重点企业营收下滑",
    ("finance.green_loan_balance", "city", "2024Q4"): "人民银行绿色贷款专项统计口径",
}


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def rng(*keys) -> random.Random:
    """A generator of its own for each thing drawn, seeded with the fixed SEED and its name."""
    return random.Random("/".join([SEED, *map(str, keys)]))


def uniform(r: random.Random, lo: str, hi: str) -> Fraction:
    """Uniform in [lo, hi] as an exact Fraction (random() is a multiple of 2**-53)."""
    a, b = Fraction(lo), Fraction(hi)
    return a + (b - a) * Fraction(r.random())


def round_units(x: Fraction) -> int:
    """Round half up to whole units (x ≥ 0)."""
    assert x >= 0, x
    return int(x + Fraction(1, 2))


def ceil_units(x: Fraction) -> int:
    """Round up to whole units (x ≥ 0): a year's total on pace is not rounded below it."""
    assert x >= 0, x
    return -(-x.numerator // x.denominator)


def growth_path(b0: Fraction, base_total: Fraction, target_total: Decimal, year: int) -> Fraction:
    """b0·(T/B)^(t/n): the district's compound path towards its baseline share of T."""
    if b0 == 0:
        return Fraction(0)
    ratio = Decimal(target_total) / (Decimal(base_total.numerator) / Decimal(base_total.denominator))
    factor = ratio ** (Decimal(year - BASE_YEAR) / Decimal(TARGET_YEAR - BASE_YEAR))
    return b0 * Fraction(factor)


def period(year: int, q: int | None) -> str:
    return f"{year}Q{q}" if q else str(year)


def short_name(zh: str) -> str:
    return zh[:-1] if zh[-1] in "区县市" else zh


def read_baselines(indicators):
    """{indicator: {'city': units, d: units}} from Config/baselines.csv."""
    out = {}
    with open(BASELINES, encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            spec = indicators[row["indicator"]]
            assert int(row["year"]) == BASE_YEAR
            units = Decimal(row["value"]) / gb.precision_of(spec)
            assert units == units.to_integral_value(), row
            key = "city" if row["org"] == spec["owner"] else row["org"].removeprefix("district.")
            out.setdefault(row["indicator"], {})[key] = int(units)
    return out


class Noise:
    """Persistent district noise on the year's total: e_y = ½·e_(y−1) + u, u uniform in
    [lo, hi], capped to [floor, +5 %]."""

    def __init__(self, *keys, lo="-0.02", hi="0.03", floor="-0.02"):
        r = rng("annual", *keys)
        self.e = {}
        prev = Fraction(0)
        for y in YEARS:
            e = prev / 2 + uniform(r, lo, hi)
            e = max(Fraction(floor), min(Fraction("0.05"), e))
            self.e[y] = e
            prev = e

    def __getitem__(self, y):
        return 1 + self.e[y]


def shares(ind: str, d: str, year: int) -> list[Fraction]:
    """Cumulative year-to-date shares of the year's total at the end of Q1, Q2, Q3, Q4."""
    common = rng("season", d, year)
    own = rng("season", ind, d, year)
    out = []
    for q in (1, 2, 3):
        s = PROFILE[q - 1] + uniform(common, "-0.006", "0.006") + uniform(own, "-0.004", "0.004")
        if year == 2022 and q == 1:
            s -= Fraction("0.012")
        out.append(s)
    out.append(Fraction(1))
    assert all(0 < a < b for a, b in zip(out, out[1:]))
    return out


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------

class Sample:
    def __init__(self, orgs, indicators):
        self.orgs = orgs
        self.indicators = indicators
        self.base = read_baselines(indicators)
        # (indicator, district or 'city', period) -> units
        self.v: dict[tuple[str, str, str], int] = {}
        self.annual: dict[tuple[str, str, int], int] = {}  # year totals of flows, by district
        self.path: dict[tuple[str, str, int], Fraction] = {}  # own path (units), for checks

    def scope(self):
        """Indicators that get rows, in config order."""
        out = []
        for i, s in self.indicators.items():
            if i in gb.DERIVED or i in UNREPORTED_COUNTS:
                continue
            if s["aggregation"] == "sum" or i in CITY_ONLY_ROWS:
                out.append(i)
        return out

    def districts_of(self, i):
        elig = self.indicators[i].get("eligible")
        return [d for d in D if not elig or "district." + d in elig]

    def target(self, i) -> tuple[Decimal, str]:
        (t,) = [t for t in self.indicators[i].get("targets", []) if t["year"] == TARGET_YEAR]
        return Decimal(str(t["value"])), t.get("measure", "level")

    # --- flows with a level target ------------------------------------------
    def level_flow(self, i):
        s = self.indicators[i]
        b = self.base[i]
        total_b = Fraction(sum(b[d] for d in self.districts_of(i)))
        t_value, measure = self.target(i)
        assert measure == "level" and s["kind"] == "flow", i
        t_units = Fraction(t_value / gb.precision_of(s))
        for d in self.districts_of(i):
            noise = Noise(i, d)
            for k, y in enumerate(YEARS):
                p = growth_path(Fraction(b[d]), total_b, Decimal(t_units.numerator) / t_units.denominator, y)
                self.path[(i, d, y)] = p
                factor = LAGGARDS[(i, d)][k] * (1 + uniform(rng("lag", i, d, y), "-0.01", "0.01")) \
                    if (i, d) in LAGGARDS else noise[y]
                self.annual[(i, d, y)] = ceil_units(p * factor)
        self.spread(i)

    def spread(self, i):
        """Year totals to rows: quarterly year to date, or one row a year."""
        s = self.indicators[i]
        for d in self.districts_of(i):
            for y in YEARS:
                a = self.annual[(i, d, y)]
                if s["frequency"] == "quarterly":
                    for q, sh in zip(QUARTERS, shares(i, d, y)):
                        self.v[(i, d, period(y, q))] = round_units(a * sh)
                else:
                    self.v[(i, d, period(y, None))] = a

    def nest_up(self, child, parent, k):
        """Raise parent to at least k × child in every district, year and quarter."""
        ceil = ceil_units
        for d in self.districts_of(child):
            for y in YEARS:
                key = (parent, d, y)
                self.annual[key] = max(self.annual[key], ceil(self.annual[(child, d, y)] * k))
                for q in QUARTERS:
                    p = (parent, d, period(y, q))
                    self.v[p] = max(self.v[p], ceil(self.v[(child, d, period(y, q))] * k))
                assert self.v[(parent, d, period(y, 4))] == self.annual[key]

    # --- composites ------------------------------------------------------------
    def composite(self, i):
        part, growth = COMPOSITES[i]
        s = self.indicators[i]
        assert self.indicators[part]["frequency"] == s["frequency"] == "quarterly"
        assert gb.precision_of(self.indicators[part]) == gb.precision_of(s)
        for d in D:
            rest0 = self.base[i][d] - self.base[part][d]
            assert rest0 >= 0, (i, d)
            noise = Noise(i, "rest", d)
            level = Fraction(rest0)
            for k, y in enumerate(YEARS):
                level *= 1 + Fraction(growth[k])
                rest = round_units(level * noise[y])
                self.annual[(i, d, y)] = self.annual[(part, d, y)] + rest
                for q, sh in zip(QUARTERS, shares(i + "/rest", d, y)):
                    p = period(y, q)
                    self.v[(i, d, p)] = self.v[(part, d, p)] + round_units(rest * sh)

    # --- R&D and green loans -----------------------------------------------
    def rd_expenditure(self):
        i = "tech.rd_expenditure"
        rd, gdp = self.base[i], self.base["plan.gdp"]
        t, _ = self.target("tech.rd_intensity")
        i0 = Fraction(rd["city"], gdp["city"]) * 100  # 2021 city intensity, %
        for d in D:
            r = rng("rd", d)
            for y in YEARS:
                city_path = i0 + (Fraction(t) - i0) * (y - BASE_YEAR) / (TARGET_YEAR - BASE_YEAR)
                intensity = Fraction(rd[d], gdp[d]) * city_path / i0  # a ratio, not %
                g = self.annual[("plan.gdp", d, y)]
                self.path[(i, d, y)] = g * intensity
                self.annual[(i, d, y)] = round_units(g * intensity * (1 + uniform(r, "-0.005", "0.03")))
        self.spread(i)

    def green_loans(self):
        i = "finance.green_loan_balance"
        for d in D:
            noise = Noise(i, d, lo="-0.01", hi="0.02", floor="-0.01")
            r = rng("green", d)
            prev = Fraction(self.base[i][d])
            level = prev
            for k, y in enumerate(YEARS):
                level *= 1 + Fraction(GREEN_LOAN_GROWTH[k])
                end = round_units(level * noise[y])
                self.path[(i, d, y)] = level
                for q in QUARTERS:
                    step = Fraction(q, 4) + (uniform(r, "-0.03", "0.03") if q < 4 else 0)
                    self.v[(i, d, period(y, q))] = round_units(prev + (end - prev) * step)
                prev = Fraction(end)

    # --- counts --------------------------------------------------------------
    def count_stock(self, i):
        """Annual stock of a count: the district path, a few one step early."""
        _, measure = self.target(i)
        paths = COUNT_PATHS[i]
        for d in D:
            base = self.base[i][d]
            for k, y in enumerate(YEARS):
                if d in paths:
                    on_path = paths[d][k] + (base if measure == "increase" else 0)
                else:
                    on_path = base
                ahead = COUNTS_AHEAD.get((i, d, y), 0)
                value = on_path + ahead
                if k:
                    value = max(value, self.v[(i, d, period(y - 1, None))])  # a stock does not fall
                self.path[(i, d, y)] = Fraction(on_path)
                self.v[(i, d, period(y, None))] = value

    def listings(self):
        """finance.new_tech_listings: each listing placed in a quarter no later than the
        target book's path needs it (drawn between Q1 and that deadline); YTD within a year."""
        i = "finance.new_tech_listings"
        for d in D:
            path = LISTING_PATHS.get(d, (0,) * (4 * len(YEARS)))
            assert all(a <= b for a, b in zip(path, path[1:])), d
            r = rng("listings", d)
            prev_end = 0
            for k, y in enumerate(YEARS):
                need = [path[4 * k + q - 1] - prev_end for q in QUARTERS]  # YTD needed by quarter
                n = need[3]
                prev_end = path[4 * k + 3]
                self.path[(i, d, y)] = Fraction(n)
                self.annual[(i, d, y)] = n
                placed = []
                for nth in range(1, n + 1):
                    deadline = next(q for q in QUARTERS if need[q - 1] >= nth)
                    placed.append(r.randint(1, deadline))
                for q in QUARTERS:
                    ytd = sum(1 for x in placed if x <= q)
                    assert ytd >= need[q - 1], (d, y, q)
                    self.v[(i, d, period(y, q))] = ytd

    # --- all -----------------------------------------------------------------
    def build(self):
        scope = self.scope()
        order = [i for i in scope if i not in SUPPORTING and i not in CITY_ONLY_ROWS]
        for i in order:
            s = self.indicators[i]
            t = [t for t in s.get("targets", [])]
            assert t, f"{i}: an additive indicator without a target needs a rule in SUPPORTING"
            measure = t[0].get("measure", "level")
            if i == "finance.new_tech_listings":
                self.listings()
            elif s["kind"] == "flow" and measure == "level":
                self.level_flow(i)
            elif s["kind"] == "stock" and s.get("precision", 1) == 1:
                assert i in COUNT_PATHS, f"{i}: no district path in COUNT_PATHS"
                self.count_stock(i)
            else:
                raise SystemExit(f"{i}: no rule to generate it (kind {s['kind']}, measure {measure})")
        for child, parent, k in NEST_UP:
            self.nest_up(child, parent, k)
        supporting = [i for i in scope if i in SUPPORTING]
        assert set(supporting) == SUPPORTING, f"supporting indicators changed: {sorted(supporting)}"
        for i in ("plan.services_va", "plan.gdp", "plan.services_revenue",
                  "digital.digital_economy_services_revenue"):
            self.composite(i)
        self.rd_expenditure()
        self.green_loans()
        # City rows: the exact sum of the districts (all 13, see CITY_INCLUDES_LATE).
        for i in scope:
            if i in CITY_ONLY_ROWS:
                for y, v in CITY_ONLY_ROWS[i].items():
                    self.v[(i, "city", period(y, None))] = v
                continue
            periods = sorted({p for (j, _, p) in self.v if j == i})
            for p in periods:
                ds = self.districts_of(i)
                if p == LATE_PERIOD and not CITY_INCLUDES_LATE:
                    ds = [d for d in ds if d != LATE_DISTRICT]
                self.v[(i, "city", p)] = sum(self.v[(i, d, p)] for d in ds)
        return scope

    def rows(self, scope):
        """(indicator, org, period, value text, unit, note) in config, org, period order."""
        out = []
        for i in scope:
            s = self.indicators[i]
            p = gb.precision_of(s)
            keys = ["city"] + ([] if i in CITY_ONLY_ROWS else self.districts_of(i))
            periods = sorted({pp for (j, _, pp) in self.v if j == i}, key=period_key)
            for k in keys:
                org = s["owner"] if k == "city" else "district." + k
                for pp in periods:
                    note = NOTES.get((i, k, pp), "")
                    out.append((i, org, pp, gb.fmt(self.v[(i, k, pp)], p), s["unit"], note))
        return out


def period_key(p: str):
    y, _, q = p.partition("Q")
    return (int(y), int(q) if q else 5)


# ---------------------------------------------------------------------------
# Checks of the observations
# ---------------------------------------------------------------------------

def check_sample(sm: Sample, scope):
    v = sm.v
    ind = sm.indicators
    for (i, k, p), x in v.items():
        assert x >= 0, (i, k, p, x)
    used_notes = {(i, k, p) for (i, k, p) in NOTES}
    assert used_notes <= set(v), sorted(used_notes - set(v))

    # Sums exact (in integer units; the late district included, see CITY_INCLUDES_LATE).
    for (i, k, p), x in v.items():
        if k != "city" or i in CITY_ONLY_ROWS:
            continue
        ds = sm.districts_of(i)
        if p == LATE_PERIOD and not CITY_INCLUDES_LATE:
            ds = [d for d in ds if d != LATE_DISTRICT]
        assert x == sum(v[(i, d, p)] for d in ds), (i, p)

    # Year to date never falls within a year (flows); stocks never negative (above).
    for i in scope:
        s = ind[i]
        if s["frequency"] != "quarterly" or s["kind"] != "flow":
            continue
        for k in ["city"] + sm.districts_of(i):
            for y in YEARS:
                seq = [v[(i, k, period(y, q))] for q in QUARTERS]
                assert seq == sorted(seq), (i, k, y, seq)

    # Nesting in every org and period.
    def le(a, b, slack=Fraction(1), strict=False):
        for (i, k, p), x in v.items():
            if i != a:
                continue
            y = v[(b, k, p)] if (b, k, p) in v else v[(b, k, p.split("Q")[0] + "Q4")]
            ok = x < y * slack if strict else x <= y * slack
            assert ok, f"{a} {'<' if strict else '<='} {b} fails for {k} {p}: {x} vs {y}"
    le("digital.software_revenue", "digital.ict_revenue")
    le("digital.ict_revenue", "digital.digital_economy_services_revenue")
    le("digital.digital_economy_services_revenue", "plan.services_revenue", strict=True)
    le("digital.ict_revenue", "plan.producer_services_revenue")
    le("plan.producer_services_revenue", "plan.services_revenue")
    le("plan.producer_services_va", "plan.services_va", Fraction(9, 10))
    le("plan.services_va", "plan.gdp")
    le("logistics.transport_va", "logistics.logistics_va")
    le("logistics.express_revenue", "logistics.logistics_revenue")
    le("business.hq_100bn", "business.hq_10bn")
    le("business.hq_10bn", "business.hq_enterprises")
    for k in ["city"] + D:
        for y in YEARS:
            for q in QUARTERS:
                p = period(y, q)
                parts = sum(v[(j, k, p)] for j in
                            ("finance.finance_va", "logistics.logistics_va", "business.leasing_va"))
                assert parts <= v[("plan.producer_services_va", k, p)], (k, p)
            srts = v[("tech.srts_revenue", k, period(y, 4))]
            assert v[("tech.testing_revenue", k, str(y))] + v[("tech.design_revenue", k, str(y))] <= srts

    # R&D intensity between 0.5 % and 10 % in every org and year.
    for k in ["city"] + D:
        for y in YEARS:
            r = Fraction(v[("tech.rd_expenditure", k, str(y))], v[("plan.gdp", k, period(y, 4))])
            assert Fraction(5, 1000) < r < Fraction(10, 100), (k, y, float(r))

    # Pace against the district's own path: laggards 10–25 % below by 2024, the rest near.
    pace = {}
    for (i, d, y), p in sm.path.items():
        if y != 2024 or p == 0:
            continue
        a = sm.annual.get((i, d, y))
        if a is None:
            a = v.get((i, d, "2024")) if (i, d, "2024") in v else v[(i, d, "2024Q4")]
        pace[(i, d)] = (Fraction(a) / p, a, p)
    for key, (r, a, p) in pace.items():
        if key in LAGGARDS:
            assert Fraction(75, 100) <= r <= Fraction(90, 100), (key, float(r))
        elif key[0] in SUPPORTING:
            continue
        else:  # near pace: within 5 % (one unit of the precision for tiny figures)
            assert a + 1 >= p * Fraction(95, 100), (key, float(r))
    pace = {k: r for k, (r, _, _) in pace.items()}
    assert len({d for _, d in LAGGARDS}) == 3
    return pace


def check_target_book(sm: Sample, path: str):
    """Compare 2024 (or 2024Q4) figures with the target book; print everything below 97 %."""
    with open(path, encoding="utf-8") as f:
        book = json.load(f)
    below = []
    for r in book:
        i, org, p = r["indicator"], r["org"], r["period"]
        if not org.startswith("district.") or p not in ("2024", "2024Q4", "2024Q3"):
            continue
        d = org.removeprefix("district.")
        if r["measure"] not in ("level", "increase", "cumulative") or (i, d, p) not in sm.v:
            continue
        if i in UNREPORTED_COUNTS:
            continue
        x = Fraction(sm.v[(i, d, p)])
        t = Fraction(str(r["target"])) / Fraction(gb.precision_of(sm.indicators[i]))
        if r["measure"] == "increase":
            x -= sm.base[i][d]
        if r["measure"] == "cumulative":  # the target book counts from 2022
            x = sum(sm.v[(i, d, period(y, 4))] for y in YEARS if y < 2024) + x
        if t > 0 and x / t < Fraction(97, 100):
            below.append((float(x / t), i, d, p))
    for ratio, i, d, p in sorted(below):
        print(f"  below the target book: {i} {d} {p}: {ratio:.1%}")
    return below


# ---------------------------------------------------------------------------
# Registers
# ---------------------------------------------------------------------------

# Other levels of the incubator register (not counted by any indicator): end-2021 count and
# new ones in 2022, 2023, 2024, 2025, by district.
OTHER_INCUBATORS = {
    "省级": {"shangcheng": (3, 1, 0, 0, 1), "gongshu": (3, 0, 1, 0, 0), "xihu": (4, 0, 1, 1, 0),
             "binjiang": (5, 1, 0, 1, 1), "xiaoshan": (3, 0, 1, 0, 1), "yuhang": (4, 1, 1, 0, 0),
             "linping": (2, 0, 0, 1, 0), "qiantang": (3, 1, 0, 0, 1), "fuyang": (2, 0, 0, 1, 0),
             "linan": (2, 0, 1, 0, 0), "tonglu": (1, 0, 0, 0, 1), "chunan": (1, 0, 0, 0, 0),
             "jiande": (1, 0, 0, 0, 0)},
    "市级": {"shangcheng": (2, 0, 1, 0, 0), "gongshu": (2, 1, 0, 0, 1), "xihu": (2, 0, 0, 1, 0),
             "binjiang": (3, 1, 0, 0, 1), "xiaoshan": (2, 0, 1, 0, 0), "yuhang": (3, 0, 1, 1, 0),
             "linping": (2, 1, 0, 0, 1), "qiantang": (2, 0, 0, 1, 0), "fuyang": (2, 0, 1, 0, 0),
             "linan": (1, 1, 0, 0, 0), "tonglu": (1, 0, 0, 1, 0), "chunan": (1, 0, 0, 0, 1),
             "jiande": (1, 0, 0, 0, 1)},
}

REGISTER_LEVELS = {  # counted indicator -> (register, level), for the four not reported
    "tech.national_incubators": ("tech.incubators", "国家级"),
    "tech.national_design_centres": ("tech.design_centres", "国家级"),
    "tech.provincial_design_centres": ("tech.design_centres", "省级"),
    "business.ufi_fairs": ("business.ufi_fairs", "UFI认证"),
}
UNREPORTED_COUNTS = set(REGISTER_LEVELS)

# The counts that are also reported: indicator -> (register, level). The count of a level is the
# reported series, except 百亿以下 (below 10 bn), which is the headquarters enterprises that are
# neither 百亿级 nor 千亿级.
REPORTED_COUNTS = {
    "plan.service_manufacturing_demos": ("plan.service_manufacturing_demos", "国家级"),
    "digital.trade_platforms": ("digital.trade_platforms", ""),
    "digital.top_mcn_seats": ("digital.top_mcn_agencies", ""),
    "finance.fintech_leaders": ("finance.fintech_leaders", ""),
    "finance.new_tech_listings": ("finance.tech_listings", ""),
    "logistics.smart_demo_enterprises": ("logistics.smart_demo_enterprises", ""),
    "logistics.smart_parks": ("logistics.smart_parks", ""),
    "business.hr_parks": ("business.hr_parks", "省级"),
    "business.design_leaders": ("business.design_leaders", ""),
    "business.hq_100bn": ("business.hq_enterprises", "千亿级"),
    "business.hq_10bn": ("business.hq_enterprises", "百亿级"),
    "business.hq_enterprises": ("business.hq_enterprises", "百亿以下"),
}
# Districts whose first human resources park is national (中国杭州人力资源服务产业园); the rest are 省级.
NATIONAL_HR_PARKS = {"shangcheng": 1}
# The city-only count's seats, by the district each agency is located in (2021, then new ones).
MCN_DISTRICTS = ["binjiang", "yuhang", "xiaoshan", "binjiang", "xihu"]

# Illustrative withdrawals that the year's reported count already reflects: (register, level,
# district, year, reason) — one entity leaves and another is recognised in the same year.
CHURN = [
    ("business.hq_enterprises", "百亿以下", "xihu", 2023, "迁出"),
    ("business.design_leaders", "", "gongshu", 2023, "撤销"),
    ("logistics.smart_parks", "", "xiaoshan", 2024, "摘牌"),
    ("logistics.smart_demo_enterprises", "", "yuhang", 2022, "摘牌"),
]
# The withdrawal the reported figures leave out on purpose, so that the demo shows the flag.
# It is on an indicator the districts are not assessed on, so that no district's score moves.
UNREPORTED_WITHDRAWAL = ("business.design_leaders", "", "yuhang", 2024, "迁出")
# A fall in a level's count is a withdrawal for this reason (临平区's 百亿以下 in 2024: one
# enterprise no longer qualifies, while a new 百亿级 one is recognised).
FALL_REASON = "撤销"

# Entries of the plan-level awards register, which no indicator counts: (district, level, year).
AWARDS = [
    ("binjiang", "领军型企业", 2022), ("xihu", "领军型企业", 2022), ("shangcheng", "创新型企业", 2022),
    ("yuhang", "领军型企业", 2023), ("xiaoshan", "创新型企业", 2023), ("gongshu", "创新型企业", 2023),
    ("binjiang", "创新型企业", 2024), ("qiantang", "领军型企业", 2024), ("linping", "创新型企业", 2024),
    ("xiaoshan", "领军型企业", 2025), ("shangcheng", "领军型企业", 2025), ("fuyang", "创新型企业", 2025),
]

EVIDENCE = {  # (register, level) -> (document, month of the list, years of entries before 2022)
    ("tech.incubators", "国家级"): ("科技部{y}年度国家级科技企业孵化器名单", 12, range(2008, 2022)),
    ("tech.incubators", "省级"): ("浙江省科技厅{y}年度省级科技企业孵化器认定名单", 11, range(2012, 2022)),
    ("tech.incubators", "市级"): ("杭州市科技局{y}年度市级科技企业孵化器认定名单", 9, range(2014, 2022)),
    ("tech.design_centres", "国家级"): ("工业和信息化部{y}年国家级工业设计中心认定名单", 12, range(2013, 2022)),
    ("tech.design_centres", "省级"): ("浙江省经济和信息化厅{y}年度省级工业设计中心认定名单", 10, range(2012, 2022)),
    ("business.ufi_fairs", "UFI认证"): ("国际展览业协会（UFI）{y}年认证会展项目公告", 6, range(2015, 2022)),
    ("plan.service_manufacturing_demos", "国家级"): ("工业和信息化部{y}年服务型制造示范名单", 11, range(2017, 2022)),
    ("plan.service_awards", "领军型企业"): ("杭州市{y}年度服务业领军型企业名单", 5, range(2022, 2022)),
    ("plan.service_awards", "创新型企业"): ("杭州市{y}年度服务业创新型企业名单", 5, range(2022, 2022)),
    ("digital.trade_platforms", ""): ("杭州市商务局{y}年度具有国际影响力的数字贸易平台名单", 10, range(2018, 2022)),
    ("digital.top_mcn_agencies", ""): ("{y}年中国直播电商MCN机构前十强榜单", 3, range(2021, 2022)),
    ("finance.fintech_leaders", ""): ("杭州市地方金融监管局{y}年度金融科技领军企业名单", 7, range(2018, 2022)),
    ("finance.tech_listings", ""): ("{y}年首次公开发行股票并上市公告", 0, range(2021, 2022)),
    ("logistics.smart_demo_enterprises", ""): ("杭州市发展改革委{y}年度物流数智化转型示范企业名单", 6, range(2019, 2022)),
    ("logistics.smart_parks", ""): ("杭州市发展改革委{y}年度智慧物流园区名单", 6, range(2019, 2022)),
    ("business.hr_parks", "国家级"): ("人力资源社会保障部{y}年国家级人力资源服务产业园名单", 8, range(2015, 2022)),
    ("business.hr_parks", "省级"): ("浙江省人力资源和社会保障厅{y}年度省级人力资源服务产业园名单", 8, range(2015, 2022)),
    ("business.design_leaders", ""): ("杭州市商务局{y}年度创意设计龙头领军企业名单", 8, range(2018, 2022)),
    ("business.hq_enterprises", "千亿级"): ("杭州市{y}年度总部企业认定名单", 9, range(2012, 2022)),
    ("business.hq_enterprises", "百亿级"): ("杭州市{y}年度总部企业认定名单", 9, range(2012, 2022)),
    ("business.hq_enterprises", "百亿以下"): ("杭州市{y}年度总部企业认定名单", 9, range(2012, 2022)),
}

NAME_STEM = {
    "tech.incubators": "示例孵化器", "tech.design_centres": "示例工业设计中心",
    "plan.service_manufacturing_demos": "示例服务型制造示范", "plan.service_awards": "示例服务业获评企业",
    "digital.trade_platforms": "示例数字贸易平台", "digital.top_mcn_agencies": "示例MCN机构",
    "finance.fintech_leaders": "示例金融科技企业", "finance.tech_listings": "示例科技上市公司",
    "logistics.smart_demo_enterprises": "示例物流数智化示范企业", "logistics.smart_parks": "示例智慧物流园区",
    "business.hr_parks": "示例人力资源产业园", "business.design_leaders": "示例创意设计企业",
    "business.hq_enterprises": "示例总部企业",
}


def reported_series(sm: Sample, i, d):
    """Year-end counts 2021–2024 of indicator i in district d, as reported (2021: the baseline)."""
    return [sm.base[i][d]] + [sm.v[(i, d, period(y, None))] for y in YEARS]


def level_series(sm: Sample, i, level, d):
    if level == "百亿以下":
        total, tens, hundreds = (reported_series(sm, j, d) for j in
                                 ("business.hq_enterprises", "business.hq_10bn", "business.hq_100bn"))
        return [a - b - c for a, b, c in zip(total, tens, hundreds)]
    return reported_series(sm, i, d)


def build_registers(sm: Sample, declared, zh_names):
    """Entries: [register, name, org, level, recognised_on, evidence, withdrawn_on, reason]."""
    # (register, level, district) -> [new by end 2021, 2022, 2023, 2024]
    plan = {}
    for i, (reg, level) in REGISTER_LEVELS.items():
        assert "count_of" in sm.indicators[i], i
        assert sm.indicators[i]["count_of"]["register"] == reg
        assert level in sm.indicators[i]["count_of"].get("levels", [level])
        _, measure = sm.target(i)
        for d in D:
            base = sm.base[i][d]
            path = COUNT_PATHS[i].get(d)
            if path is None:
                totals = (base,) * len(YEARS)
            else:
                totals = tuple(x + (base if measure == "increase" else 0) for x in path[:len(YEARS)])
            seq = (base,) + totals
            assert all(a <= b for a, b in zip(seq, seq[1:])), (i, d)
            plan[(reg, level, d)] = [base] + [b - a for a, b in zip(seq, seq[1:])]
    for level, table in OTHER_INCUBATORS.items():
        for d in D:
            plan[("tech.incubators", level, d)] = list(table[d])
    for (reg, level, _d) in plan:
        assert level in declared[reg], (reg, level)

    # One announcement date per register, level and year (a batch).
    def batch_date(reg, level, y):
        _, month, _ = EVIDENCE[(reg, level)]
        day = rng("batch", reg, level, y).randint(8, 28)
        return f"{y}-{month:02d}-{day:02d}"

    def evidence(reg, level, y):
        return "示例：" + EVIDENCE[(reg, level)][0].format(y=y)

    entries = []
    for (reg, level, d), counts in plan.items():
        _, _, early_years = EVIDENCE[(reg, level)]
        r = rng("register", reg, level, d)
        years = sorted(r.choice(list(early_years)) for _ in range(counts[0]))
        years += [y for k, y in enumerate(YEARS) for _ in range(counts[k + 1])]
        for y in years:
            entries.append([reg, None, "district." + d, level, batch_date(reg, level, y), evidence(reg, level, y),
                            "", ""])
    entries += build_reported_registers(sm, batch_date, evidence)
    for d, level, y in AWARDS:
        entries.append(["plan.service_awards", None, "district." + d, level, batch_date("plan.service_awards", level, y),
                        evidence("plan.service_awards", level, y), "", ""])
    for e in entries:
        assert e[0] in declared and (e[3] in declared[e[0]] or (e[3] == "" and not declared[e[0]])), e
    # Names: numbered per register and district (UFI: per register) in order of recognition.
    reg_order = list(declared)
    entries.sort(key=lambda e: (reg_order.index(e[0]), e[4], D.index(e[2][9:]), e[3], e[1] or ""))
    seen = {}
    width = {}
    for e in entries:
        key = (e[0], e[2])
        width[key] = width.get(key, 0) + 1
    for e in entries:
        reg, d = e[0], e[2][9:]
        if reg == "business.ufi_fairs":
            n = seen[reg] = seen.get(reg, 0) + 1
            e[1] = f"示例UFI展会{n:02d}"
        else:
            n = seen[(reg, d)] = seen.get((reg, d), 0) + 1
            digits = 3 if width[(reg, e[2])] > 99 else 2
            e[1] = f"{NAME_STEM[reg]}·{short_name(zh_names['district.' + d])}{n:0{digits}d}"
    return [tuple(e) for e in entries]


def build_reported_registers(sm: Sample, batch_date, evidence):
    """Entries of the registers of the reported counts: each level's count at every year end is
    the reported one (a flow's listings in every quarter), with CHURN and UNREPORTED_WITHDRAWAL."""
    out = []

    def day_in(r, y, first_month, last_month):
        month = r.randint(first_month, last_month)
        return f"{y}-{month:02d}-{r.randint(1, 28):02d}"

    for i, (reg, level) in REPORTED_COUNTS.items():
        assert sm.indicators[i]["count_of"]["register"] == reg, i
        if i == "finance.new_tech_listings":
            for d in D:
                r = rng("listing", d)
                for _ in range(sm.base[i][d]):
                    out.append([reg, None, "district." + d, level, day_in(r, BASE_YEAR, 1, 12),
                                evidence(reg, level, BASE_YEAR), "", ""])
                for y in YEARS:
                    before = 0
                    for q in QUARTERS:
                        ytd = sm.v[(i, d, period(y, q))]
                        for _ in range(ytd - before):
                            out.append([reg, None, "district." + d, level, day_in(r, y, 3 * q - 2, 3 * q),
                                        evidence(reg, level, y), "", ""])
                        before = ytd
            continue
        if i == "digital.top_mcn_seats":
            seats = [sm.base[i]["city"]] + [CITY_ONLY_ROWS[i][y] for y in YEARS]
            assert all(a <= b for a, b in zip(seats, seats[1:])), seats
            years = [BASE_YEAR] * seats[0] + [y for k, y in enumerate(YEARS) for _ in range(seats[k + 1] - seats[k])]
            assert len(years) <= len(MCN_DISTRICTS), years
            for d, y in zip(MCN_DISTRICTS, years):
                out.append([reg, None, "district." + d, level, batch_date(reg, level, y), evidence(reg, level, y), "", ""])
            continue
        for d in D:
            series = level_series(sm, i, level, d)
            r = rng("reported-register", reg, level, d)
            active = []  # indices into out of the entries on the register

            def recognise(y, lv):
                y0 = r.choice(list(EVIDENCE[(reg, lv)][2])) if y is None else y
                out.append([reg, None, "district." + d, lv, batch_date(reg, lv, y0), evidence(reg, lv, y0), "", ""])
                active.append(len(out) - 1)

            def withdraw(y, reason):
                # The entity recognised longest ago leaves, some day in the year before the year's list.
                k = min(active, key=lambda n: (out[n][4], n))
                active.remove(k)
                out[k][6] = day_in(r, y, 2, 5)
                out[k][7] = reason

            def lv_of(n):
                if reg == "business.hr_parks" and n < NATIONAL_HR_PARKS.get(d, 0):
                    return "国家级"
                return level

            for n in range(series[0]):
                recognise(None, lv_of(n))
            for k, y in enumerate(YEARS):
                delta = series[k + 1] - series[k]
                for (creg, clevel, cd, cy, reason) in CHURN:
                    if (creg, clevel, cd, cy) == (reg, level, d, y):
                        withdraw(y, reason)
                        recognise(y, level)
                if (reg, level, d, y) == UNREPORTED_WITHDRAWAL[:4]:
                    withdraw(y, UNREPORTED_WITHDRAWAL[4])
                for _ in range(max(delta, 0)):
                    recognise(y, level)
                for _ in range(max(-delta, 0)):
                    withdraw(y, FALL_REASON)
    # Reasons are written in Chinese (撤销, 摘牌, 迁出), as the import reads them.
    return out


def counts_at(entries, reg, levels, d, day):
    return sum(1 for e in entries if e[0] == reg and (not levels or e[3] in levels)
               and (d is None or e[2] == "district." + d) and e[4] <= day and (not e[6] or e[6] > day))


def check_registers(sm: Sample, entries):
    names = [(e[0], e[1]) for e in entries]
    assert len(names) == len(set(names)), "duplicate names"
    for i, (reg, level) in REGISTER_LEVELS.items():
        for d in D:
            n21 = sum(1 for e in entries if e[0] == reg and e[3] == level
                      and e[2] == "district." + d and e[4] <= "2021-12-31")
            assert n21 == sm.base[i][d], (i, d, n21, sm.base[i][d])
    for i, (reg, _level) in REPORTED_COUNTS.items():
        spec = sm.indicators[i]
        levels = spec["count_of"].get("levels", [])
        if i == "finance.new_tech_listings":
            for d in D:
                n21 = sum(1 for e in entries if e[0] == reg and e[2] == "district." + d and e[4][:4] == str(BASE_YEAR))
                assert n21 == sm.base[i][d], (i, d)
                for y in YEARS:
                    for q in QUARTERS:
                        end = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}[q]
                        n = sum(1 for e in entries if e[0] == reg and e[2] == "district." + d
                                and f"{y}-01-01" <= e[4] <= f"{y}-{end}")
                        assert n == sm.v[(i, d, period(y, q))], (i, d, y, q)
            continue
        if i == "digital.top_mcn_seats":
            for y in YEARS:
                assert counts_at(entries, reg, levels, None, f"{y}-12-31") == CITY_ONLY_ROWS[i][y], (i, y)
            continue
        for d in D:
            series = reported_series(sm, i, d)
            for k, y in enumerate([BASE_YEAR] + YEARS):
                n = counts_at(entries, reg, levels, d, f"{y}-12-31")
                expected = series[k]
                ureg, ulevel, ud, uy, _ = UNREPORTED_WITHDRAWAL
                if reg == ureg and d == ud and y >= uy and (not levels or ulevel in levels):
                    expected -= 1
                assert n == expected, (i, d, y, n, expected)
    for e in entries:
        y, m, dd = e[4].split("-")
        assert len(y) == 4 and len(m) == 2 and len(dd) == 2 and int(y) <= TARGET_YEAR
        assert (e[6] == "") == (e[7] == ""), e
        assert not e[6] or e[6] > e[4], e


def register_counts(entries):
    out = {}
    for reg, level in sorted({(e[0], e[3]) for e in entries}):
        out[(reg, level)] = [sum(1 for e in entries if e[0] == reg and e[3] == level and e[4] <= f"{y}-12-31"
                                 and (not e[6] or e[6] > f"{y}-12-31"))
                             for y in [BASE_YEAR] + YEARS]
    return out


# ---------------------------------------------------------------------------
# Mistakes (GBK)
# ---------------------------------------------------------------------------

def build_mistakes(sm: Sample):
    """Rows of one district's submission (滨江区) with typical mistakes.
    Returns [(fields, kind, phrase)], kind 'error' or 'ok' (valid, must be accepted)."""
    v, ind = sm.v, sm.indicators

    def val(i, p, d="binjiang"):
        return gb.fmt(v[(i, d, p)], gb.precision_of(ind[i]))

    ict_wan = v[("digital.ict_revenue", "binjiang", "2024Q2")] * 1000  # tenths of 亿元 -> 万元
    lc_q2 = v[("digital.live_commerce_gmv", "binjiang", "2024Q2")]
    lc_q3 = v[("digital.live_commerce_gmv", "binjiang", "2024Q3")]
    dt = v[("digital.digital_trade", "binjiang", "2024Q2")]
    p1 = gb.precision_of(ind["digital.digital_trade"])
    rows = [
        (["digital.ict_revenue", "district.binjiang", "2024Q2", str(ict_wan), "万元", "单位为万元"], "ok",
         "unit 万元 for an 亿元 indicator: compatible, converted (÷10000) to "
         f"{val('digital.ict_revenue', '2024Q2')} 亿元"),
        (["tech.technology_transactions", "district.binjiang", "2024Q2",
          val("tech.technology_transactions", "2024Q2"), "家", ""], "error",
         "unit 家 is not compatible with the indicator's unit 亿元"),
        (["digital.digital_trade", "district.binjiang", "2024Q2", gb.fmt(dt, p1), "亿元", ""], "ok",
         "first of two rows for the same indicator, org and period"),
        (["digital.digital_trade", "district.binjiang", "2024Q2", gb.fmt(dt + 125, p1), "亿元", ""], "error",
         "duplicate row: digital.digital_trade, district.binjiang, 2024Q2 already given on line {dup}"),
        (["digital.live_commerce_gmv", "district.binjiang", "2024Q2", val("digital.live_commerce_gmv", "2024Q2"),
          "亿元", ""], "ok", "year to date 2024Q2, the reference for the next row"),
        (["digital.live_commerce_gmv", "district.binjiang", "2024Q3",
          gb.fmt(lc_q3 - lc_q2, gb.precision_of(ind["digital.live_commerce_gmv"])), "亿元", ""], "error",
         "year to date falls: 2024Q3 is below 2024Q2 on line {prev} (the quarter alone, not January–September)"),
        (["digital.sofware_revenue", "district.binjiang", "2024Q2", val("digital.software_revenue", "2024Q2"),
          "亿元", ""], "error", "unknown indicator 'digital.sofware_revenue' (did you mean digital.software_revenue?)"),
        (["tech.srts_revenue", "滨江区", "2024Q2", val("tech.srts_revenue", "2024Q2"), "亿元", ""], "ok",
         "org given by its Chinese name 滨江区 = district.binjiang"),
        (["finance.finance_va", "district.binjiang", "2024年1-9月", val("finance.finance_va", "2024Q3"), "亿元", ""],
         "ok", "period written 2024年1-9月 = 2024Q3"),
        (["digital.top_mcn_seats", "district.binjiang", "2024", "2", "席", ""], "error",
         "digital.top_mcn_seats is city-only (aggregation city_only): no district rows"),
        (["logistics.express_revenue", "district.binjiang", "2024Q2", "约" + str(int(Decimal(val("logistics.express_revenue", "2024Q2")))),
          "亿元", ""], "error", "value is not a number"),
        (["business.leasing_va", "district.binjiang", "2024Q2", "-" + val("business.leasing_va", "2024Q2"), "亿元", ""],
         "error", "negative value"),
        (["plan.gdp", "district.binjiang", "2019Q1", "430.6", "亿元", ""], "error",
         "period 2019Q1 is outside the plan (2022–2025; base year 2021)"),
    ]
    return rows


def render_mistakes(rows):
    """The GBK file's text (CRLF) and the expected list."""
    intro = [
        "# 示例数据（ILLUSTRATIVE），不是官方统计数据：一份故意写错的区级报送文件（滨江区），用于测试导入时逐行报错。",
        "# ILLUSTRATIVE SAMPLE, NOT OFFICIAL STATISTICS: a district's submission (Binjiang) with typical mistakes, to test that the import reports each at its line.",
        "# 编码为 GBK（中文 Windows 上 Excel/WPS 另存为 CSV 的默认编码），换行为 CRLF。行号从文件第一行（含注释行）起算。",
        "# Encoded in GBK (as Excel/WPS on Chinese Windows saves CSV), CRLF line ends. Line numbers count every line, comments included.",
    ]
    n_comments = len(intro) + len(rows)
    first = n_comments + 2  # the header is on line n_comments + 1
    line_of = {k: first + k for k in range(len(rows))}
    dup = line_of[2]
    prev = line_of[4]
    comments, expected = [], []
    for k, (fields, kind, phrase) in enumerate(rows):
        phrase = phrase.format(dup=dup, prev=prev)
        tag = "错误 error" if kind == "error" else "有效 valid"
        comments.append(f"# 第{line_of[k]}行 line {line_of[k]}: {tag}: {phrase}")
        expected.append(f"{line_of[k]}: {kind}: {phrase}")
    out = io.StringIO()
    for line in intro + comments:
        out.write(line + "\r\n")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["indicator", "org", "period", "value", "unit", "note"])
    for fields, _, _ in rows:
        w.writerow(fields)
    text = out.getvalue()
    lines = text.split("\r\n")
    for k in range(len(rows)):
        assert lines[line_of[k] - 1].startswith(rows[k][0][0] + ","), (k, lines[line_of[k] - 1])
    exp = [
        "# Expected diagnostics for Config/sample/mistakes-gbk.csv (ILLUSTRATIVE sample, not official statistics).",
        "# One line per row of interest: LINE: error|ok: what is wrong (or, for ok, why the row is valid).",
        "# LINE counts every line of mistakes-gbk.csv from 1, the comment lines and the header included.",
        "# 'ok' rows must be accepted (万元 converted, Chinese org name, 2024年1-9月, the first of the duplicates,",
        "# the 2024Q2 row before the falling 2024Q3); every 'error' row must be reported at its line.",
        "# Regenerate with: python3 Tools/sample-data/generate_observations.py",
    ]
    return text, "\n".join(exp + expected) + "\n"


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def lag_text(zh_names, indicators):
    by_d = {}
    for (i, d) in LAGGARDS:
        by_d.setdefault(d, []).append(i)
    zh = "；".join(f"{zh_names['district.' + d]}：" + "、".join(indicators[i]["name"]["zh"] for i in inds)
                  for d, inds in by_d.items())
    en = "; ".join(f"district.{d}: " + ", ".join(inds) for d, inds in by_d.items())
    return zh, en


def render_observations(rows, zh_names, indicators):
    lz, le = lag_text(zh_names, indicators)
    late_zh = zh_names["district." + LATE_DISTRICT]
    header = [
        "# Zhibiao sample observations (监测数据示例): reported values by indicator, org and period, 2022Q1–2024Q4.",
        "# 示例数据（ILLUSTRATIVE），不是官方统计数据：所有数值都是为演示而编造的示意值，不得引用。",
        "# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS: every value is invented for demonstration and must not be cited.",
        "# 季度数为年初至季末累计数（2024Q3 = 1-9月，Q4 = 全年）；绿色贷款余额为季末余额；年报指标每年一行；全市行（org 为牵头部门）等于各区县之和。",
        "# Quarterly periods are year to date (2024Q3 = Jan–Sep; Q4 = the full year); the green-loan balance is the end-of-quarter level; annual indicators have one row a year; the city row (org = owner bureau) is the sum of the districts.",
        f"# 故意设置的落后区县（至2024年低于自身进度10%–25%）：{lz}；其余区县基本符合进度。",
        f"# Behind on purpose (10–25 % below their own path by 2024): {le}; everyone else is on or near pace.",
        f"# 故意设置的迟报：{late_zh}（district.{LATE_DISTRICT}）没有任何 {LATE_PERIOD} 行；全市 {LATE_PERIOD} 行已含其数据，待其补报后与13个区县之和相等。"
        if CITY_INCLUDES_LATE else
        f"# 故意设置的迟报：{late_zh}（district.{LATE_DISTRICT}）没有任何 {LATE_PERIOD} 行；全市 {LATE_PERIOD} 行为已报12个区县之和。",
        f"# Late on purpose: district.{LATE_DISTRICT} has no {LATE_PERIOD} rows; the city's {LATE_PERIOD} rows already include it and equal the sum of all 13 once it reports."
        if CITY_INCLUDES_LATE else
        f"# Late on purpose: district.{LATE_DISTRICT} has no {LATE_PERIOD} rows; the city's {LATE_PERIOD} rows are the sum of the 12 that reported.",
        "# Counts of recognised entities (count_of:) come from registers.csv; derived ratios and growth rates are computed, not reported.",
        "# reported_on：报送日期（季后12–18天，均在20天期限内）/ the day each figure was sent (12–18 days after the quarter, within the 20-day due date).",
        "# Regenerate with: python3 Tools/sample-data/generate_observations.py",
    ]
    out = io.StringIO()
    for line in header:
        out.write(line + "\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["indicator", "org", "period", "value", "unit", "note", "reported_on"])
    org_order = sorted({r[1] for r in rows})
    for r in rows:
        w.writerow(list(r) + [reported_on(r[2], org_order.index(r[1]))])
    return out.getvalue()


def render_final(rows, late_rows, zh_names):
    """The target year's file: every 2025 row, and the late district's 2024Q4 rows sent at last."""
    late_zh = zh_names["district." + LATE_DISTRICT]
    header = [
        f"# Zhibiao sample observations of the target year (目标年监测数据示例): {TARGET_YEAR}Q1–{TARGET_YEAR}Q4, "
        f"and {LATE_PERIOD} sent late.",
        "# 示例数据（ILLUSTRATIVE），不是官方统计数据：所有数值都是为演示而编造的示意值，不得引用。",
        "# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS: every value is invented for demonstration and must not be cited.",
        f"# 与 observations.csv 同一口径，接续其后导入；{late_zh}（district.{LATE_DISTRICT}）的 {LATE_PERIOD} 行在此补报"
        f"（补报日期 {LATE_REPORTED_ON}，备注“补报”），补报后全市 {LATE_PERIOD} 行等于13个区县之和。",
        f"# The same measures as observations.csv, imported after it; district.{LATE_DISTRICT}'s {LATE_PERIOD} rows "
        f"arrive here at last (sent {LATE_REPORTED_ON}, note 补报), after which the city's {LATE_PERIOD} rows equal the "
        "sum of all 13.",
        f"# 故意设置的未完成：落后区县中两项在{TARGET_YEAR}年追至目标的90%以上（基本完成），三项仍低于90%（未完成）；"
        "供 `zhibiao evaluate --final` 与 `zhibiao demo` 的终期评估演示。",
        f"# Short on purpose: of the laggards' five targets, two are within 10 % in {TARGET_YEAR} (基本完成) and three "
        "stay below 90 % (未完成), for the final evaluation of `zhibiao evaluate --final` and `zhibiao demo`.",
        "# Regenerate with: python3 Tools/sample-data/generate_observations.py",
    ]
    out = io.StringIO()
    for line in header:
        out.write(line + "\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["indicator", "org", "period", "value", "unit", "note", "reported_on"])
    for r in late_rows:
        w.writerow(list(r[:5]) + [r[5] or LATE_NOTE, LATE_REPORTED_ON])
    org_order = sorted({r[1] for r in rows})
    for r in rows:
        w.writerow(list(r) + [reported_on(r[2], org_order.index(r[1]))])
    return out.getvalue()


def reported_on(period, org_number):
    """The day a figure was sent: 12 to 18 days after its quarter ends (a year's after 31 December),
    so that every sample figure arrives before the 20-day due date; the late district simply has
    not sent its last quarter."""
    year = int(period[:4])
    quarter = int(period[5]) if "Q" in period else 4
    day = 12 + org_number % 7
    if quarter == 4:
        return f"{year + 1}-01-{day:02d}"
    return f"{year}-{quarter * 3 + 1:02d}-{day:02d}"


def split_registers(entries):
    """The entries as they stood at the end of the last year of registers.csv, and the target year's
    changes: entries recognised in it, and earlier entries withdrawn in it (given again, whole, with
    the withdrawal, as a register import updates an entry of the same name)."""
    cut = f"{FIRST_YEARS[-1]}-12-31"
    first, final = [], []
    for e in entries:
        if e[4] > cut:
            final.append(e)
            continue
        if e[6] and e[6] > cut:
            first.append(e[:6] + ("", ""))
            final.append(e)
        else:
            first.append(e)
    return first, final


def render_registers(entries, final=False):
    if final:
        header = [
            f"# Zhibiao sample registers of the target year (目标年名录示例): entries recognised or withdrawn in {TARGET_YEAR}.",
            "# 示例数据（ILLUSTRATIVE），不是官方统计数据：名称、日期和依据均为编造的示意值，不得引用。",
            "# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS: names, dates and evidence are invented and must not be cited.",
            f"# 接续 registers.csv 导入；各区{TARGET_YEAR}年末名录数与 observations-{TARGET_YEAR}.csv 的报送数一致（余杭区创意设计龙头领军企业仍多报1家）。",
            f"# Imported after registers.csv; every district's count at the end of {TARGET_YEAR} equals its reported one in "
            f"observations-{TARGET_YEAR}.csv (余杭区's leading creative design enterprises are still reported one too many).",
            "# Regenerate with: python3 Tools/sample-data/generate_observations.py",
        ]
        return write_registers(header, entries)
    header = [
        "# Zhibiao sample registers (名录示例): the named entities that counted indicators are counted from.",
        "# 示例数据（ILLUSTRATIVE），不是官方统计数据：名称、日期和依据均为编造的示意值，不得引用。",
        "# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS: names, dates and evidence are invented and must not be cited.",
        "# 仅2021年末各区国家级科技企业孵化器的个数（共57个）取自公开报道（见 Config/baselines.csv）；各区2021年末个数与基期值一致。",
        "# Only the number of national incubators by district at the end of 2021 (57) is a reported figure (see Config/baselines.csv); every district's count at the end of 2021 equals its baseline.",
        "# 名录按认定日期（recognised_on）计数，撤出日期（withdrawn_on）起不再计入；撤出原因为撤销、摘牌或迁出。各区年末名录数与 observations.csv 的报送数一致，唯余杭区2024年创意设计龙头领军企业名录少1家（一家迁出未在报送数中扣除），监测将提示“报送数与名录不符”。",
        "# An entry counts from recognised_on and no longer from withdrawn_on; the reason is 撤销 (revoked), 摘牌 (delisted) or 迁出 (moved out). Every district's year-end count equals its reported one in observations.csv, except 余杭区's 2024 leading creative design enterprises: one moved out and the reported count still includes it, so monitoring flags the disagreement.",
        "# Regenerate with: python3 Tools/sample-data/generate_observations.py",
    ]
    return write_registers(header, entries)


def write_registers(header, entries):
    out = io.StringIO()
    for line in header:
        out.write(line + "\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["register", "name", "org", "level", "recognised_on", "evidence", "withdrawn_on", "withdrawal_reason"])
    for e in entries:
        w.writerow(e)
    return out.getvalue()


def reread_observations(text, orgs, indicators, zh_names, years=FIRST_YEARS, late=False):
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    for row in rows:
        spec = indicators[row["indicator"]]
        assert row["org"] in orgs, row
        assert row["org"] == spec["owner"] or (row["org"].startswith("district.")
                                                and spec["aggregation"] != "city_only"), row
        elig = spec.get("eligible")
        assert not elig or row["org"] == spec["owner"] or row["org"] in elig, row
        assert row["indicator"] not in UNREPORTED_COUNTS and row["indicator"] not in gb.DERIVED, row
        p = gb.precision_of(spec)
        x = Decimal(row["value"])
        assert x >= 0 and x / p == (x / p).to_integral_value(), row
        assert row["unit"] == spec["unit"], row
        is_late = row["org"] == "district." + LATE_DISTRICT and row["period"] == LATE_PERIOD
        assert period_key(row["period"])[0] in years or (late and is_late), row
        assert late or not is_late, row
        if spec["frequency"] == "quarterly":
            assert "Q" in row["period"], row
        else:
            assert "Q" not in row["period"], row
    keys = [(r["indicator"], r["org"], r["period"]) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate rows"
    return rows


def write(path, data: bytes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--target-book", help="JSON of `zhibiao decompose --format json --quarterly` to compare with")
    args = ap.parse_args()

    districts, orgs, indicators = gb.load_config()
    assert ["district." + d for d in D] == districts, "districts in plan.yaml changed"
    with open(os.path.join(CONFIG, "plan.yaml"), encoding="utf-8") as f:
        import yaml
        plan = yaml.safe_load(f)
    zh_names = {o["id"]: o["name"]["zh"] for o in plan["orgs"]}
    declared = {reg["id"]: reg.get("levels", []) for reg in plan.get("registers", []) or []}
    for name in gb.DOMAIN_ORDER:
        with open(os.path.join(CONFIG, "domains", name + ".yaml"), encoding="utf-8") as f:
            for reg in yaml.safe_load(f).get("registers", []) or []:
                declared[reg["id"]] = reg.get("levels", [])
    assert "district." + LATE_DISTRICT in orgs

    sm = Sample(orgs, indicators)
    scope = sm.build()
    pace = check_sample(sm, scope)
    all_rows = sm.rows(scope)
    late_rows = [r for r in all_rows if r[1] == "district." + LATE_DISTRICT and r[2] == LATE_PERIOD]
    first_rows = [r for r in all_rows if period_key(r[2])[0] in FIRST_YEARS and r not in late_rows]
    final_rows = [r for r in all_rows if period_key(r[2])[0] == TARGET_YEAR]
    assert len(first_rows) + len(late_rows) + len(final_rows) == len(all_rows)
    obs_text = render_observations(first_rows, zh_names, indicators)
    obs_rows = reread_observations(obs_text, orgs, indicators, zh_names)
    final_text = render_final(final_rows, late_rows, zh_names)
    final_obs = reread_observations(final_text, orgs, indicators, zh_names, years=[TARGET_YEAR], late=True)

    entries = build_registers(sm, declared, zh_names)
    check_registers(sm, entries)
    first_entries, final_entries = split_registers(entries)
    reg_text = render_registers(first_entries)
    final_reg_text = render_registers(final_entries, final=True)

    mistakes = build_mistakes(sm)
    gbk_text, expected = render_mistakes(mistakes)
    gbk = gbk_text.encode("gbk")
    assert gbk.decode("gb18030") == gbk_text
    try:
        gbk.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        raise AssertionError("mistakes-gbk.csv decodes as UTF-8")

    write(os.path.join(OUT_DIR, "observations.csv"), obs_text.encode("utf-8"))
    write(os.path.join(OUT_DIR, FINAL_FILE), final_text.encode("utf-8"))
    write(os.path.join(OUT_DIR, "registers.csv"), reg_text.encode("utf-8"))
    write(os.path.join(OUT_DIR, FINAL_REGISTERS), final_reg_text.encode("utf-8"))
    write(os.path.join(OUT_DIR, "mistakes-gbk.csv"), gbk)
    write(os.path.join(OUT_DIR, "mistakes-expected.txt"), expected.encode("utf-8"))

    rel = os.path.relpath(OUT_DIR, ROOT)
    print(f"wrote {rel}/observations.csv: {len(obs_rows)} rows, "
          f"{len({r['indicator'] for r in obs_rows})} indicators")
    print(f"wrote {rel}/{FINAL_FILE}: {len(final_obs)} rows ({len(late_rows)} of them {LATE_PERIOD} sent late)")
    print(f"wrote {rel}/registers.csv: {len(first_entries)} entries")
    print(f"wrote {rel}/{FINAL_REGISTERS}: {len(final_entries)} entries")
    for (reg, level), c in register_counts(entries).items():
        print(f"  {reg} {level}: " + ", ".join(f"{y} {n}" for y, n in zip([BASE_YEAR] + YEARS, c)))
    print(f"wrote {rel}/mistakes-gbk.csv: {len(mistakes)} rows (GBK, CRLF) and mistakes-expected.txt")
    for (i, d), r in sorted(pace.items(), key=lambda kv: kv[1])[:8]:
        print(f"  2024 against own path: {i} {d}: {float(r):.1%}")
    if args.target_book:
        check_target_book(sm, args.target_book)
    return 0


if __name__ == "__main__":
    sys.exit(main())
