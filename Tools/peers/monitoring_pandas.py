"""The last quarter's lights and the districts' item points in pandas and NumPy (see common.py for
the scope). Figures are read with `float_precision="round_trip"`, pandas' correctly rounded parser,
so that each figure is the double nearest to its decimal, as in Zhibiao.

Usage: .venv/bin/python monitoring_pandas.py DATA_DIR [--out DIR]
"""

import warnings

import numpy as np
import pandas as pd

import common

# pandas 3 deprecates `float_precision`; it is kept because the default parser of pandas 2 is not
# correctly rounded, and the lights compare doubles to the bit.
warnings.filterwarnings("ignore", message=".*float_precision.*")


def load(data):
    observations = pd.read_csv(
        f"{data}/observations.csv", usecols=["indicator", "org", "period", "value"],
        dtype={"indicator": "string", "org": "string", "period": "string"}, float_precision="round_trip")
    targets = pd.read_csv(
        f"{data}/targets.csv", dtype={"indicator": "string", "org": "string", "period": "string"},
        float_precision="round_trip")
    indicators = pd.read_csv(
        f"{data}/indicators.csv", dtype={"unit": "string"}, keep_default_na=False, na_values={"last_share": [""]},
        float_precision="round_trip")
    indicators["position"] = np.arange(len(indicators))
    return observations, targets, indicators


def half_away(value, divisor):
    """value / divisor (divisor > 0) rounded half away from zero, in integers."""
    return (np.abs(value) * 2 + divisor) // (divisor * 2) * np.sign(value)


def compute(observations, targets, indicators):
    last = targets["period"].max()
    quarter = int(last[-1])
    indicators = indicators.assign(weight=common.weights(len(indicators)))
    rows = (
        targets[targets["period"] == last]
        .merge(observations[observations["period"] == last], on=["indicator", "org", "period"], how="left")
        .merge(indicators, on="indicator")
    )
    actual = rows["value"].to_numpy(dtype=float)
    target = rows["target"].to_numpy(dtype=float)
    kind = rows["kind"].to_numpy()
    higher = (rows["direction"] == "higher").to_numpy()
    is_rate = (np.isin(kind, ["ratio", "growth_rate"]) | (rows["measure"] == "average_annual")).to_numpy()
    seasonal = ((kind == "flow") & (rows["measure"] == "level")).to_numpy()
    share = rows["last_share"].fillna(quarter / 4).to_numpy(dtype=float)
    expected = np.where(seasonal, target * share, target)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(higher, actual / expected, expected / actual)
        behind = (1 - ratio) * 100
        meets_expected = np.where(higher, actual >= expected, actual <= expected)
        meets_target = np.where(higher, actual >= target, actual <= target)
        defined = (expected > 0) & (higher | (actual > 0))
        amount = np.where(
            np.isnan(actual) | np.isnan(expected), np.nan,
            np.where(~defined, np.where(meets_expected, 0.0, np.inf),
                     np.where((behind > 0) & meets_target, 0.0, behind)))
        rate = np.where(higher, target - actual, actual - target)
        points_behind = np.where(is_rate, rate, amount)
        limit = np.where(is_rate, common.RATE_YELLOW_POINTS, common.YELLOW_POINTS)
        status = np.select(
            [np.isnan(points_behind), points_behind <= 1e-9, points_behind <= limit + 1e-9],
            ["grey", "green", "yellow"], "red")
    lights = pd.DataFrame({"indicator": rows["indicator"], "org": rows["org"], "status": status})

    districts = rows[rows["org"].str.startswith("district.")].sort_values(["position", "org"], kind="stable")
    scale = (10 ** districts["places"].to_numpy()).astype(np.int64)
    present = districts["value"].notna().to_numpy() & districts["target"].notna().to_numpy()
    a = np.round(np.nan_to_num(districts["value"].to_numpy(dtype=float)) * scale).astype(np.int64)
    t = np.round(np.nan_to_num(districts["target"].to_numpy(dtype=float)) * scale).astype(np.int64)
    w = districts["weight"].to_numpy(dtype=np.int64)
    up = (districts["direction"] == "higher").to_numpy()
    kinds = districts["kind"].to_numpy()
    defined = np.where(up, t > 0, (a > 0) & (t > 0))
    safe_t = np.where(t > 0, t, 1)
    safe_a = np.where(a > 0, a, 1)
    ratio_units = np.where(up, half_away(a * 10_000, safe_t), half_away(t * 10_000, safe_a))
    met = np.where(up, a >= t, a <= t)
    completion = np.where(
        ratio_units < common.COMPLETION_FLOOR, 0,
        half_away(w * np.clip(ratio_units, 0, common.COMPLETION_CAP), 1_000_000))
    excess = ratio_units - 10_000
    above = half_away(w * 100 + np.minimum(excess * common.PIECEWISE_PER_POINT, common.PIECEWISE_MAX_ABOVE * 100), 10_000)
    below = half_away(
        np.maximum(w * 100 - np.minimum(-excess * common.PIECEWISE_PER_POINT, common.PIECEWISE_MAX_BELOW * 100), 0),
        10_000)
    piecewise = np.where(excess >= 0, above, below)
    gap = half_away(np.where(up, a - t, t - a) * 100, scale)
    gap_points = np.where(
        gap >= 0, half_away(w, 100), half_away(np.maximum(w * 100 - np.abs(gap) * common.GAP_PER_POINT, 0), 10_000))
    points = np.select(
        [kinds == "ratio", ~defined, kinds == "flow"],
        [gap_points, np.where(met, half_away(w, 100), 0), completion], piecewise)
    scored = pd.DataFrame({
        "indicator": districts["indicator"].to_numpy(), "org": districts["org"].to_numpy(),
        "points": pd.array(np.where(present, points, 0), dtype="Int64")})
    scored.loc[~present, "points"] = pd.NA
    return lights, scored


def main():
    args = common.arguments(__doc__)
    watch = common.Stopwatch()
    frames = load(args.data)
    load_seconds = watch.elapsed
    watch = common.Stopwatch()
    lights, points = compute(*frames)
    compute_seconds = watch.elapsed
    common.finish(
        "pandas", load_seconds, compute_seconds, list(lights.itertuples(index=False, name=None)),
        [(i, o, None if pd.isna(p) else int(p)) for i, o, p in points.itertuples(index=False, name=None)], args.out)


if __name__ == "__main__":
    main()
