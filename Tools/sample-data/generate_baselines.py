#!/usr/bin/env python3
"""Generate Config/baselines.csv: base-year (2021) values by indicator and org.

Run from anywhere:

    python3 Tools/sample-data/generate_baselines.py

The script is deterministic (no randomness at all): district splits are made from
explicit weights with the largest-remainder method in integer units of each
indicator's precision, so every additive indicator's districts add up exactly to its
city row. It reads Config/plan.yaml and Config/domains/*.yaml to check every indicator
id, org id, aggregation, precision and eligible list before it writes anything.

WHAT IS REAL AND WHAT IS NOT
----------------------------
Rows with basis 'reported' carry a published 2021 figure
(press reports of 2021 figures, cited in the 'source' column; reference values, not the
statistical communique itself):
  * plan.gdp, city: 18,109 亿元 (preliminary), and seven districts: 上城 2,417.5,
    拱墅 1,949.8 (revised), 滨江 2,022.6, 萧山 2,011.62 (stated at the indicator's
    precision 0.1 as 2,011.6), 余杭 2,502.2, 临安 658.4, 桐庐 about 414;
  * plan.services_va, city: 12,287 亿元; 拱墅 1,759.1 (revised);
  * tech.rd_expenditure, city: 667 亿元;
  * tech.national_incubators: 57 at the end of 2021 and the split by district.
Everything else is ILLUSTRATIVE: invented, plausible for Hangzhou in 2021, and chosen so
that the plan's 2025 targets are reachable with sensible growth. Do not cite it.

ASSUMPTIONS (illustrative values)
---------------------------------
* GDP of the six districts not found (西湖, 富阳, 临平, 钱塘, 淳安, 建德) fills the gap
  between the city figure and the seven reported districts (18,109.0 − 11,976.1 =
  6,132.9), split by rough weights: 西湖 the largest of the six (and larger than 富阳),
  钱塘 and 临平 mid-sized, 淳安 and 建德 the smallest of all 13. The reported district
  figures come from different releases (some revised, the city figure preliminary), so
  the six fill-ins absorb that difference too.
* Services value added by district = GDP × an assumed services share (上城 and 拱墅
  about 90 %, 西湖 over 80 %, the manufacturing districts 萧山, 钱塘, 临平, 富阳 under
  half), scaled so that the districts add up to the reported 12,287.
* Geography of each industry, in broad strokes: software and digital in 滨江, 余杭 and
  西湖; finance in 上城 (钱江新城, 钱塘江金融港湾) with fintech in 西湖 and 滨江;
  logistics, air cargo and the inland ports in 萧山 and 钱塘, e-commerce logistics also in
  余杭; research and technical services in 西湖, 滨江, 余杭; testing around 金沙湖 in 钱塘;
  design in 余杭 (良渚梦栖小镇) and 拱墅 (运河工业设计小镇); headquarters in 上城 (钱江新城),
  then 萧山, 滨江, 西湖, 拱墅. The three counties 桐庐, 淳安, 建德 are small everywhere,
  but 桐庐 is relatively strong in express delivery (快递之乡).
* Nested aggregates are built from parts so that they nest in every district:
  software ≤ ICT (adds telecoms, broadcasting, internet services) ≤ digital-economy
  services revenue ≤ services revenue; producer-services revenue = ICT + logistics
  revenue + research & technical services revenue + other producer services, and
  services revenue = producer-services revenue + consumer and other services;
  transport VA ≤ logistics VA; producer-services VA = finance VA + logistics VA +
  leasing & business services VA + other producer services (ICT, technical services …)
  and stays below services VA in every district.
* City levels 2021 (target 2025 in brackets): producer-services VA 7,050 (10,000);
  producer-services revenue 15,200 (22,000); services revenue 19,600; software & IT
  6,850 and ICT 7,700 (13,000 each); digital-economy services revenue 10,600 (about 54 %
  of services revenue, against a services-VA share of GDP of 67.85 %, the parity aim);
  digital trade 1,540 (2,300); cross-border e-commerce 1,100 (1,500); live commerce
  5,300 (10,000); data trading 2,100 万元 (5,000 万元); finance VA 2,190 (2,800); green
  loans 4,300 (growth target 20 % a year); logistics VA 900 (1,300); logistics revenue
  2,350 (3,200); transport VA 440 (560); express revenue 615 (1,000); inland port cargo
  1.10 亿吨 (1.5) and containers 7.20 万标箱 (12); research & technical services revenue
  1,020 (1,500); technology transactions 980 (1,500; the reference reports > 1,500 for
  2023); IP transactions 1.50 (3); testing 105 (150); design revenue 68 (100);
  leasing & business services VA 450 (600). Counts stand below their targets: national
  design centres 8 (15), provincial 52 (73), 百亿级 HQ 40 (60), 千亿级 6 (10), HQ
  enterprises 410 (+100; the reference's 468 in 2023 and 643 in 2024 lie above),
  UFI fairs 3 (+3), HR parks 2 (4), design leaders 5 (10), fintech leaders 6 (10),
  digital trade platforms 2 (5), MCN top-ten seats 3 (5), service-manufacturing demos
  9 (15), smart logistics demo enterprises 6 (15), smart parks 4 (10).
* finance.new_tech_listings is a flow (new tech listings in the year): 14 in 2021, a
  subset of the 50 new listings of all kinds reported for 2021; the target is 60 over
  the plan period.
* R&D expenditure by district = GDP × an assumed R&D intensity (滨江 about 8.5 %, the
  highest; 余杭 and 西湖 about 5 %; 上城 and the counties low), scaled to add up to the
  reported 667 (3.68 % of GDP for the city).
* Ranks, qualitative aims and derived ratios or growth rates (tech.rd_intensity,
  finance.green_loan_growth, digital.services_va_share_gdp,
  digital.digital_economy_services_revenue_share) get no rows: the domain modules derive
  the ratios from the inputs given here, and inventing a rank would be misleading.
"""

from __future__ import annotations

import csv
import glob
import io
import os
import sys
from decimal import Decimal
from fractions import Fraction

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONFIG = os.path.join(ROOT, "Config")
OUTPUT = os.path.join(CONFIG, "baselines.csv")
YEAR = 2021

# Domain files in the plan's order (三、（一）…（五）).
DOMAIN_ORDER = ["digital", "tech", "finance", "logistics", "business"]

# Derived indicators (computed by a domain module from the inputs below): no rows.
DERIVED = {
    "tech.rd_intensity",
    "finance.green_loan_growth",
    "digital.services_va_share_gdp",
    "digital.digital_economy_services_revenue_share",
}

# Sources of reported figures (from hangzhou-2021-reference.md).
SRC_HZRB = "杭州日报 2022-01-22"
SRC_HZCN = "hangzhou.com.cn 2022年初"
SRC_GONGSHU = "拱墅区2022年统计公报（2021年修订数）"
SRC_XIAOSHAN = "每日商报 2022-09-29（2011.62，按精度0.1取2011.6）"
SRC_LINAN = "“临安这十年”报道 2022"
SRC_TONGLU = "媒体报道 2022-10（约414）"
SRC_RD = "Hangzhou municipal English news site 2022-09-21"
SRC_INCUBATORS = "Hangzhou municipal English news site 2022-06-24"

# The 13 districts in plan.yaml's order (short keys; the org id is 'district.' + key).
D = [
    "shangcheng", "gongshu", "xihu", "binjiang", "xiaoshan", "yuhang", "linping",
    "qiantang", "fuyang", "linan", "tonglu", "chunan", "jiande",
]


# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------

def load_config():
    """Return (district ids in order, bureau ids, indicators in order as a dict)."""
    with open(os.path.join(CONFIG, "plan.yaml"), encoding="utf-8") as f:
        plan = yaml.safe_load(f)
    assert plan["plan"]["base_year"] == YEAR, "base year in plan.yaml is not 2021"
    districts = [o["id"] for o in plan["orgs"] if o["kind"] == "district"]
    orgs = {o["id"] for o in plan["orgs"]}
    indicators = {}
    for spec in plan.get("indicators", []):
        indicators[spec["id"]] = spec
    files = sorted(glob.glob(os.path.join(CONFIG, "domains", "*.yaml")))
    found = {os.path.splitext(os.path.basename(p))[0] for p in files}
    assert found == set(DOMAIN_ORDER), f"domain files changed: {sorted(found)}"
    for name in DOMAIN_ORDER:
        with open(os.path.join(CONFIG, "domains", name + ".yaml"), encoding="utf-8") as f:
            dom = yaml.safe_load(f)
        for spec in dom.get("indicators", []):
            assert spec["id"] not in indicators, spec["id"]
            indicators[spec["id"]] = spec
    return districts, orgs, indicators


def precision_of(spec) -> Decimal:
    p = spec.get("precision", 1)
    return Decimal(str(p))


# ---------------------------------------------------------------------------
# Integer-unit arithmetic
# ---------------------------------------------------------------------------

def weights(**w):
    """Weights for all 13 districts, given explicitly (zero allowed)."""
    assert set(w) == set(D), f"weights must name all 13 districts: {sorted(set(D) ^ set(w))}"
    return {k: Fraction(str(v)) for k, v in w.items()}


def counts(**c):
    """Whole-number counts for all 13 districts, given explicitly."""
    assert set(c) == set(D), f"counts must name all 13 districts: {sorted(set(D) ^ set(c))}"
    assert all(isinstance(v, int) and v >= 0 for v in c.values())
    return dict(c)


def allocate(total: int, w: dict, fixed: dict | None = None) -> dict:
    """Split `total` integer units over districts: `fixed` ones keep their units, the
    rest share the remainder in proportion to `w` (largest remainder; ties go to the
    district listed first in D). Returns {district: units} summing exactly to total."""
    fixed = dict(fixed or {})
    rest = total - sum(fixed.values())
    assert rest >= 0, "fixed parts exceed the total"
    free = [d for d in D if d not in fixed]
    wsum = sum(w[d] for d in free)
    assert wsum > 0
    quotas = {d: Fraction(rest) * w[d] / wsum for d in free}
    out = {d: int(q) for d, q in quotas.items()}  # floor (quotas are non-negative)
    short = rest - sum(out.values())
    order = sorted(free, key=lambda d: (-(quotas[d] - out[d]), D.index(d)))
    for d in order[:short]:
        out[d] += 1
    out.update(fixed)
    assert sum(out.values()) == total
    return {d: out[d] for d in D}


def add(*parts: dict) -> dict:
    return {d: sum(p[d] for p in parts) for d in D}


# Amounts in 亿元 with precision 0.1 are held in tenths; 0.01 in hundredths.
def tenths(x) -> int:
    v = Decimal(str(x)) * 10
    assert v == v.to_integral_value(), x
    return int(v)


def hundredths(x) -> int:
    v = Decimal(str(x)) * 100
    assert v == v.to_integral_value(), x
    return int(v)


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------

class Baselines:
    def __init__(self):
        # indicator -> {"city": units, "districts": {d: units}, "basis": {org: (basis, source)}}
        self.rows = {}

    def put(self, ind, city_units, district_units, city_source="", district_sources=None):
        district_sources = district_sources or {}
        if district_units is not None:
            assert sum(district_units.values()) == city_units, f"{ind}: districts do not add up"
        self.rows[ind] = {
            "city": city_units,
            "districts": district_units,
            "city_source": city_source,
            "district_sources": district_sources,
        }


def build() -> Baselines:
    b = Baselines()

    # --- GDP (亿元, 0.1). Seven districts reported; six filled in to the city figure.
    gdp_fixed = {
        "shangcheng": tenths("2417.5"), "gongshu": tenths("1949.8"),
        "binjiang": tenths("2022.6"), "xiaoshan": tenths("2011.6"),
        "yuhang": tenths("2502.2"), "linan": tenths("658.4"), "tonglu": tenths("414"),
    }
    gdp_sources = {
        "shangcheng": SRC_HZCN, "gongshu": SRC_GONGSHU, "binjiang": SRC_HZCN,
        "xiaoshan": SRC_XIAOSHAN, "yuhang": SRC_HZCN, "linan": SRC_LINAN, "tonglu": SRC_TONGLU,
    }
    # Rough sizes of the six districts not found (only ratios matter).
    gdp_w = weights(shangcheng=0, gongshu=0, xihu=2290, binjiang=0, xiaoshan=0, yuhang=0,
                    linping=1065, qiantang=1060, fuyang=1050, linan=0, tonglu=0,
                    chunan=265, jiande=400)
    gdp = allocate(tenths("18109"), gdp_w, gdp_fixed)
    b.put("plan.gdp", tenths("18109"), gdp, SRC_HZRB + "（初步核算）", gdp_sources)

    # --- Services value added (亿元, 0.1): city and 拱墅 reported; the rest = GDP × an
    # assumed services share, scaled to the remainder.
    services_share = dict(shangcheng="0.90", gongshu="0", xihu="0.83", binjiang="0.70",
                          xiaoshan="0.48", yuhang="0.77", linping="0.44", qiantang="0.33",
                          fuyang="0.44", linan="0.46", tonglu="0.47", chunan="0.56",
                          jiande="0.43")
    sva_w = {d: Fraction(gdp[d]) * Fraction(services_share[d]) for d in D}
    sva = allocate(tenths("12287"), sva_w, {"gongshu": tenths("1759.1")})
    b.put("plan.services_va", tenths("12287"), sva, SRC_HZRB, {"gongshu": SRC_GONGSHU})

    # --- R&D expenditure (亿元, 0.1): city reported; districts = GDP × assumed intensity (%),
    # scaled to 667. 滨江 highest (Hikvision, Dahua, NetEase …), then the 城西科创大走廊
    # districts 余杭 and 西湖 and the 青山湖 science city in 临安; 上城 and 淳安 lowest.
    rd_intensity = dict(shangcheng="1.4", gongshu="2.0", xihu="5.0", binjiang="8.5",
                        xiaoshan="2.4", yuhang="5.2", linping="2.8", qiantang="3.6",
                        fuyang="2.5", linan="3.2", tonglu="2.0", chunan="1.0", jiande="2.3")
    rd_w = {d: Fraction(gdp[d]) * Fraction(rd_intensity[d]) for d in D}
    b.put("tech.rd_expenditure", tenths("667"), allocate(tenths("667"), rd_w), SRC_RD)

    # --- National technology business incubators (个): reported, with the district split.
    inc = counts(shangcheng=6, gongshu=5, xihu=6, binjiang=14, xiaoshan=5, yuhang=8,
                 linping=3, qiantang=5, fuyang=1, linan=3, tonglu=1, chunan=0, jiande=0)
    b.put("tech.national_incubators", 57, inc, SRC_INCUBATORS,
          {d: SRC_INCUBATORS for d in D})

    # ------------------------------------------------------------------
    # Everything below is illustrative.
    # ------------------------------------------------------------------

    # Revenue side (亿元, 0.1), built from parts so that the aggregates nest.
    software = allocate(tenths("6850"), weights(  # 软件和信息技术服务业
        shangcheng=5.5, gongshu=4.5, xihu=22, binjiang=30, xiaoshan=4, yuhang=28, linping=1.2,
        qiantang=2.5, fuyang=0.6, linan=0.7, tonglu=0.2, chunan=0.05, jiande=0.08))
    telecom_internet = allocate(tenths("850"), weights(  # 电信、广电、互联网服务
        shangcheng=12, gongshu=8, xihu=15, binjiang=20, xiaoshan=6, yuhang=25, linping=3,
        qiantang=3, fuyang=2.5, linan=2, tonglu=1.2, chunan=0.8, jiande=1))
    ict = add(software, telecom_internet)
    other_digital = allocate(tenths("2900"), weights(  # e-commerce platforms, digital finance …
        shangcheng=8, gongshu=6, xihu=15, binjiang=20, xiaoshan=6, yuhang=35, linping=3,
        qiantang=3, fuyang=1.5, linan=1.2, tonglu=0.8, chunan=0.3, jiande=0.4))
    digital_services = add(ict, other_digital)
    logistics_revenue = allocate(tenths("2350"), weights(  # 萧山 airport and 传化, 余杭 菜鸟
        shangcheng=7.5, gongshu=8.5, xihu=4, binjiang=5, xiaoshan=28, yuhang=12, linping=6,
        qiantang=12, fuyang=4, linan=2.5, tonglu=5, chunan=1, jiande=2))
    srts_revenue = allocate(tenths("1020"), weights(  # universities and institutes in 西湖
        shangcheng=12, gongshu=10, xihu=22, binjiang=18, xiaoshan=8, yuhang=14, linping=3,
        qiantang=6, fuyang=2.5, linan=2, tonglu=1, chunan=0.5, jiande=1))
    other_producer_revenue = allocate(tenths("4130"), weights(  # leasing, business services …
        shangcheng=20, gongshu=12, xihu=14, binjiang=12, xiaoshan=12, yuhang=12, linping=4,
        qiantang=5, fuyang=3, linan=2, tonglu=1.5, chunan=0.7, jiande=1))
    producer_revenue = add(ict, logistics_revenue, srts_revenue, other_producer_revenue)
    consumer_revenue = allocate(tenths("4400"), weights(  # consumer and other services
        shangcheng=17, gongshu=13, xihu=14, binjiang=8, xiaoshan=12, yuhang=12, linping=5,
        qiantang=4, fuyang=4, linan=3, tonglu=2.5, chunan=2, jiande=2.5))
    services_revenue = add(producer_revenue, consumer_revenue)

    b.put("digital.software_revenue", sum(software.values()), software)
    b.put("digital.ict_revenue", sum(ict.values()), ict)
    b.put("digital.digital_economy_services_revenue", sum(digital_services.values()),
          digital_services)
    b.put("logistics.logistics_revenue", sum(logistics_revenue.values()), logistics_revenue)
    b.put("tech.srts_revenue", sum(srts_revenue.values()), srts_revenue)
    b.put("plan.producer_services_revenue", sum(producer_revenue.values()), producer_revenue)
    b.put("plan.services_revenue", sum(services_revenue.values()), services_revenue)

    # Value-added side (亿元, 0.1).
    finance_va = allocate(tenths("2190"), weights(  # 钱江新城 / 金融港湾 in 上城; Ant in 西湖
        shangcheng=46, gongshu=9, xihu=11, binjiang=8, xiaoshan=7, yuhang=6, linping=2.5,
        qiantang=1.5, fuyang=2, linan=1.5, tonglu=1, chunan=0.6, jiande=0.8))
    transport_va = allocate(tenths("440"), weights(  # 交通运输、仓储和邮政业
        shangcheng=9, gongshu=10.5, xihu=6, binjiang=5, xiaoshan=25, yuhang=11, linping=6,
        qiantang=8, fuyang=6, linan=4, tonglu=4, chunan=1.5, jiande=3))
    other_logistics_va = allocate(tenths("460"), weights(  # logistics in trade, e-commerce …
        shangcheng=7.5, gongshu=8.5, xihu=4, binjiang=5, xiaoshan=28, yuhang=12, linping=6,
        qiantang=10, fuyang=4, linan=2.5, tonglu=5, chunan=1, jiande=2))
    logistics_va = add(transport_va, other_logistics_va)
    leasing_va = allocate(tenths("450"), weights(  # CBDs: 钱江新城, 武林, 黄龙
        shangcheng=28, gongshu=12, xihu=14, binjiang=10, xiaoshan=9.5, yuhang=10.5, linping=3.5,
        qiantang=3, fuyang=2.5, linan=2, tonglu=1.5, chunan=1, jiande=1))
    other_producer_va = allocate(tenths("3510"), weights(  # ICT, technical services …
        shangcheng=8, gongshu=9, xihu=18, binjiang=20, xiaoshan=6, yuhang=20, linping=4,
        qiantang=2.5, fuyang=3, linan=2.5, tonglu=1, chunan=0.5, jiande=1))
    producer_va = add(finance_va, logistics_va, leasing_va, other_producer_va)

    b.put("plan.producer_services_va", sum(producer_va.values()), producer_va)
    b.put("finance.finance_va", sum(finance_va.values()), finance_va)
    b.put("logistics.transport_va", sum(transport_va.values()), transport_va)
    b.put("logistics.logistics_va", sum(logistics_va.values()), logistics_va)
    b.put("business.leasing_va", sum(leasing_va.values()), leasing_va)

    # Digital (亿元, 0.1 unless stated).
    b.put("digital.digital_trade", tenths("1540"), allocate(tenths("1540"), weights(
        shangcheng=8, gongshu=5, xihu=15, binjiang=25, xiaoshan=10, yuhang=22, linping=3,
        qiantang=8.5, fuyang=1.5, linan=1, tonglu=0.7, chunan=0.2, jiande=0.4)))
    b.put("digital.cross_border_ecommerce", tenths("1100"), allocate(tenths("1100"), weights(
        # 下沙综保区 in 钱塘 and the airport zone in 萧山 lead.
        shangcheng=5.5, gongshu=6.5, xihu=6, binjiang=12, xiaoshan=18.5, yuhang=14, linping=8,
        qiantang=18, fuyang=5, linan=2, tonglu=2.5, chunan=0.5, jiande=1.5)))
    b.put("digital.live_commerce_gmv", tenths("5300"), allocate(tenths("5300"), weights(
        # 滨江 live-commerce base, 遥望 (余杭), 四季青 (上城), 艺尚小镇 (临平).
        shangcheng=14, gongshu=12, xihu=8, binjiang=22, xiaoshan=10, yuhang=20, linping=5,
        qiantang=3, fuyang=2.2, linan=1.8, tonglu=1.2, chunan=0.5, jiande=0.8)))
    b.put("digital.data_trade_value", 2100, counts(  # 万元, whole; nascent, mostly 滨江
        shangcheng=300, gongshu=0, xihu=350, binjiang=1050, xiaoshan=0, yuhang=400,
        linping=0, qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("digital.trade_platforms", 2, counts(
        shangcheng=0, gongshu=0, xihu=0, binjiang=1, xiaoshan=0, yuhang=1, linping=0,
        qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("digital.top_mcn_seats", 3, None)  # city_only

    # Tech.
    b.put("tech.technology_transactions", tenths("980"), allocate(tenths("980"), weights(
        shangcheng=10, gongshu=8.5, xihu=25, binjiang=20, xiaoshan=7.5, yuhang=15, linping=3,
        qiantang=5, fuyang=2, linan=2.5, tonglu=0.7, chunan=0.3, jiande=0.5)))
    b.put("tech.ip_transactions", hundredths("1.50"), allocate(hundredths("1.50"), weights(
        shangcheng=10, gongshu=6, xihu=22, binjiang=30, xiaoshan=7, yuhang=15, linping=2,
        qiantang=4, fuyang=1.5, linan=1.5, tonglu=0.5, chunan=0.2, jiande=0.3)))
    b.put("tech.testing_revenue", tenths("105"), allocate(tenths("105"), weights(
        # 金沙湖 provincial testing base in 钱塘.
        shangcheng=12.5, gongshu=9.5, xihu=14, binjiang=11.5, xiaoshan=10.5, yuhang=9, linping=4,
        qiantang=20, fuyang=3, linan=2, tonglu=1.5, chunan=0.5, jiande=1)))
    b.put("tech.design_revenue", tenths("68"), allocate(tenths("68"), weights(
        # 良渚梦栖小镇 (余杭) and 运河工业设计小镇 (拱墅).
        shangcheng=9.5, gongshu=16, xihu=12.5, binjiang=11.5, xiaoshan=10.5, yuhang=22, linping=5,
        qiantang=5, fuyang=3, linan=2, tonglu=1.5, chunan=0.5, jiande=1)))
    b.put("tech.national_design_centres", 8, counts(  # manufacturing districts
        shangcheng=0, gongshu=0, xihu=0, binjiang=2, xiaoshan=2, yuhang=1, linping=1,
        qiantang=1, fuyang=1, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("tech.provincial_design_centres", 52, counts(
        shangcheng=1, gongshu=3, xihu=3, binjiang=7, xiaoshan=9, yuhang=6, linping=6,
        qiantang=6, fuyang=5, linan=3, tonglu=2, chunan=0, jiande=1))

    # Finance.
    b.put("finance.green_loan_balance", tenths("4300"), allocate(tenths("4300"), weights(
        # Booked mostly where banks and large borrowers sit; 淳安 is the green-finance pilot.
        shangcheng=22, gongshu=9.5, xihu=10, binjiang=8, xiaoshan=12, yuhang=11, linping=5,
        qiantang=7, fuyang=5, linan=4, tonglu=3, chunan=2, jiande=2.5)))
    b.put("finance.fintech_leaders", 6, counts(
        shangcheng=1, gongshu=0, xihu=2, binjiang=2, xiaoshan=0, yuhang=1, linping=0,
        qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("finance.new_tech_listings", 14, counts(  # flow: new listings in 2021
        shangcheng=1, gongshu=0, xihu=2, binjiang=4, xiaoshan=1, yuhang=3, linping=1,
        qiantang=1, fuyang=1, linan=0, tonglu=0, chunan=0, jiande=0))

    # Logistics.
    b.put("logistics.express_revenue", tenths("615"), allocate(tenths("615"), weights(
        # 余杭 (菜鸟) and 萧山 (airport hub) lead; 桐庐 strong for its size (快递之乡).
        shangcheng=7, gongshu=8, xihu=5.5, binjiang=6.5, xiaoshan=20, yuhang=22, linping=9,
        qiantang=8.5, fuyang=4, linan=2, tonglu=6, chunan=0.5, jiande=1.5)))
    b.put("logistics.inland_port_cargo", hundredths("1.10"),
          {**{d: 0 for d in D}, "xiaoshan": hundredths("0.63"), "qiantang": hundredths("0.47")})
    b.put("logistics.inland_port_containers", hundredths("7.20"),
          {**{d: 0 for d in D}, "xiaoshan": hundredths("3.06"), "qiantang": hundredths("4.14")})
    b.put("logistics.smart_demo_enterprises", 6, counts(
        shangcheng=0, gongshu=1, xihu=0, binjiang=0, xiaoshan=2, yuhang=1, linping=1,
        qiantang=1, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("logistics.smart_parks", 4, counts(
        shangcheng=0, gongshu=0, xihu=0, binjiang=0, xiaoshan=2, yuhang=1, linping=0,
        qiantang=1, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))

    # Business (counts).
    b.put("business.ufi_fairs", 3, counts(  # 杭州国际博览中心 in 萧山
        shangcheng=0, gongshu=0, xihu=1, binjiang=0, xiaoshan=2, yuhang=0, linping=0,
        qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("business.hr_parks", 2, counts(
        shangcheng=1, gongshu=0, xihu=0, binjiang=1, xiaoshan=0, yuhang=0, linping=0,
        qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("business.design_leaders", 5, counts(
        shangcheng=1, gongshu=1, xihu=1, binjiang=1, xiaoshan=0, yuhang=1, linping=0,
        qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("business.hq_enterprises", 410, allocate(410, weights(
        shangcheng=22, gongshu=12, xihu=14.5, binjiang=13.5, xiaoshan=13, yuhang=10, linping=3,
        qiantang=4, fuyang=3, linan=2, tonglu=1.5, chunan=0.5, jiande=1)))
    b.put("business.hq_10bn", 40, counts(
        shangcheng=10, gongshu=4, xihu=5, binjiang=6, xiaoshan=7, yuhang=4, linping=1,
        qiantang=1, fuyang=1, linan=1, tonglu=0, chunan=0, jiande=0))
    b.put("business.hq_100bn", 6, counts(
        shangcheng=2, gongshu=1, xihu=0, binjiang=1, xiaoshan=2, yuhang=0, linping=0,
        qiantang=0, fuyang=0, linan=0, tonglu=0, chunan=0, jiande=0))
    b.put("plan.service_manufacturing_demos", 9, counts(
        shangcheng=0, gongshu=0, xihu=1, binjiang=2, xiaoshan=2, yuhang=1, linping=1,
        qiantang=1, fuyang=1, linan=0, tonglu=0, chunan=0, jiande=0))

    return b


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def check(b: Baselines, districts, orgs, indicators):
    assert ["district." + d for d in D] == districts, "districts in plan.yaml changed"

    # Coverage: exactly the additive indicators plus meaningful city-only ones.
    expected = {i for i, s in indicators.items()
                if s["aggregation"] == "sum" and i not in DERIVED}
    city_only = {i for i in b.rows if b.rows[i]["districts"] is None}
    assert set(b.rows) - city_only == expected, (
        f"missing {sorted(expected - set(b.rows))}, extra {sorted(set(b.rows) - city_only - expected)}")
    for i in city_only:
        s = indicators[i]
        assert s["aggregation"] == "city_only" and s["kind"] not in ("rank", "qualitative", "ratio")
    for i in b.rows:
        assert i not in DERIVED
        s = indicators[i]
        assert s["owner"] in orgs
        assert s["kind"] != "qualitative" and "unit" in s

    v = {i: r["districts"] for i, r in b.rows.items() if r["districts"] is not None}
    for i, dist in v.items():
        assert sum(dist.values()) == b.rows[i]["city"], i
        assert all(x >= 0 for x in dist.values()), i
        elig = indicators[i].get("eligible")
        if elig:
            assert all(dist[d] == 0 for d in D if "district." + d not in elig), i

    # Plausibility: nesting in every district.
    def le(a, c, slack=Fraction(1)):
        for d in D:
            assert v[a][d] <= v[c][d] * slack, f"{a} > {c} in {d}: {v[a][d]} > {v[c][d]}"
    le("digital.software_revenue", "digital.ict_revenue")
    le("digital.ict_revenue", "digital.digital_economy_services_revenue")
    le("digital.digital_economy_services_revenue", "plan.services_revenue")
    le("plan.producer_services_revenue", "plan.services_revenue")
    le("logistics.transport_va", "logistics.logistics_va")
    le("plan.services_va", "plan.gdp")
    le("plan.producer_services_va", "plan.services_va", Fraction(9, 10))
    le("logistics.express_revenue", "logistics.logistics_revenue")
    le("business.hq_100bn", "business.hq_10bn")
    le("business.hq_10bn", "business.hq_enterprises")
    le("tech.national_design_centres", "tech.provincial_design_centres")
    for d in D:
        assert (v["tech.testing_revenue"][d] + v["tech.design_revenue"][d]
                <= v["tech.srts_revenue"][d]), d

    # GDP shape: 西湖 > 富阳; 淳安 and 建德 the smallest two; 钱塘 and 临平 mid-sized.
    g = v["plan.gdp"]
    assert g["xihu"] > g["fuyang"]
    assert sorted(D, key=lambda d: g[d])[:2] in (["chunan", "jiande"], ["jiande", "chunan"])
    for d in ("qiantang", "linping"):
        assert g["tonglu"] < g[d] < g["binjiang"]

    # R&D intensity: 滨江 highest; every district between 0.5 % and 10 %.
    rd = v["tech.rd_expenditure"]
    ratio = {d: Fraction(rd[d], g[d]) for d in D}
    assert max(D, key=ratio.get) == "binjiang"
    assert all(Fraction(5, 1000) < r < Fraction(10, 100) for r in ratio.values())

    # Targets reachable: a 2021 value below every 2025 level target, with at most 25 %
    # compound annual growth for amounts (small counts are exempt from the growth bound).
    for i, r in b.rows.items():
        s = indicators[i]
        for t in s.get("targets", []):
            measure = t.get("measure", "level")
            if measure != "level" or t["comparator"] != "at_least":
                continue
            base = Decimal(r["city"]) * precision_of(s)
            target = Decimal(str(t["value"]))
            assert base < target, f"{i}: 2021 value {base} already meets {target}"
            if s.get("precision", 1) != 1 or target > 100:
                cagr = (float(target) / float(base)) ** (1 / (t["year"] - YEAR)) - 1
                assert cagr <= 0.25, f"{i}: needs {cagr:.1%} a year"


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

HEADER = [
    "# Zhibiao baselines: values of the base year 2021 by indicator and org.",
    "# 示例数据，不是官方统计数据：除 basis 为 reported 的行以外，所有数值都是为演示而编造的示意值（illustrative），不得引用。",
    "# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS: every row whose basis is 'illustrative' is invented for demonstration and must not be cited.",
    "# basis 为 reported 的行是公开报道的2021年数据（出处见 source 列），属参考值而非统计公报原文；区级GDP出自不同发布（部分为修订数），未找到的六个区县按全市初步核算数18109亿元倒推填充。",
    "# Rows whose basis is 'reported' are published 2021 figures as reported in the press (see 'source'): reference values, not the statistical communique; district GDP comes from different releases, and the six districts not found are filled in so that all 13 add up to the city's preliminary 18109.",
    "# Regenerate with: python3 Tools/sample-data/generate_baselines.py",
]


def fmt(units: int, precision: Decimal) -> str:
    """Units of the precision as a decimal string with no more decimals than the precision
    (trailing zeros dropped: 181090 tenths -> '18109', 24175 -> '2417.5')."""
    value = Decimal(units) * precision
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def render(b: Baselines, indicators) -> str:
    out = io.StringIO()
    for line in HEADER:
        out.write(line + "\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["indicator", "org", "year", "value", "basis", "source"])
    for i, spec in indicators.items():  # config order: plan.yaml, then the domains
        if i not in b.rows:
            continue
        r = b.rows[i]
        p = precision_of(spec)
        src = r["city_source"]
        w.writerow([i, spec["owner"], YEAR, fmt(r["city"], p),
                    "reported" if src else "illustrative", src])
        if r["districts"] is None:
            continue
        elig = spec.get("eligible")
        for d in D:
            org = "district." + d
            if elig and org not in elig:
                continue
            src = r["district_sources"].get(d, "")
            w.writerow([i, org, YEAR, fmt(r["districts"][d], p),
                        "reported" if src else "illustrative", src])
    return out.getvalue()


def main() -> int:
    districts, orgs, indicators = load_config()
    b = build()
    check(b, districts, orgs, indicators)
    text = render(b, indicators)

    # Re-read what was rendered and check it against the config once more.
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    for row in rows:
        spec = indicators[row["indicator"]]
        assert row["org"] in orgs
        assert row["org"] == spec["owner"] or row["org"].startswith("district.")
        p = precision_of(spec)
        assert (Decimal(row["value"]) / p) == (Decimal(row["value"]) / p).to_integral_value()
        assert row["basis"] in ("reported", "illustrative")
        assert (row["basis"] == "reported") == bool(row["source"])

    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    reported = sum(1 for r in rows if r["basis"] == "reported")
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(rows)} rows, "
          f"{len({r['indicator'] for r in rows})} indicators, {reported} reported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
