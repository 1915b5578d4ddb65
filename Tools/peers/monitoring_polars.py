"""The last quarter's lights and the districts' item points in polars (see common.py for the scope).

Usage: .venv/bin/python monitoring_polars.py DATA_DIR [--out DIR]
"""

import polars as pl

import common


def load(data):
    observations = pl.read_csv(
        f"{data}/observations.csv", columns=["indicator", "org", "period", "value"],
        schema_overrides={"value": pl.Float64})
    targets = pl.read_csv(f"{data}/targets.csv", schema_overrides={"target": pl.Float64})
    indicators = pl.read_csv(
        f"{data}/indicators.csv", schema_overrides={"unit": pl.Utf8, "last_share": pl.Float64}
    ).with_row_index("position")
    return observations, targets, indicators


def half_away(value, divisor):
    """value / divisor (divisor > 0) rounded half away from zero, in integers."""
    return ((value.abs() * 2 + divisor) // (divisor * 2)) * value.sign()


def compute(observations, targets, indicators):
    last = targets.select(pl.col("period").max()).item()
    quarter = int(last[-1])
    weights = common.weights(indicators.height)
    indicators = indicators.with_columns(pl.Series("weight", weights, dtype=pl.Int64))
    rows = (
        targets.filter(pl.col("period") == last)
        .join(observations.filter(pl.col("period") == last), on=["indicator", "org", "period"], how="left")
        .join(indicators, on="indicator")
    )
    higher = pl.col("direction") == "higher"
    actual, target = pl.col("value"), pl.col("target")
    is_rate = pl.col("kind").is_in(["ratio", "growth_rate"]) | (pl.col("measure") == "average_annual")
    seasonal = (pl.col("kind") == "flow") & (pl.col("measure") == "level")
    share = pl.col("last_share").fill_null(quarter / 4)
    # At a fourth quarter the annual target is the milestone.
    expected = pl.when(seasonal).then(target * share).otherwise(target)

    def meets(bound):
        return pl.when(higher).then(actual >= bound).otherwise(actual <= bound)

    ratio = pl.when(higher).then(actual / expected).otherwise(expected / actual)
    behind = (1 - ratio) * 100
    amount = (
        pl.when(actual.is_null() | expected.is_null()).then(None)
        .when(~((expected > 0) & (higher | (actual > 0))))
        .then(pl.when(meets(expected)).then(0.0).otherwise(float("inf")))
        .when((behind > 0) & meets(target)).then(0.0)
        .otherwise(behind)
    )
    rate = pl.when(higher).then(target - actual).otherwise(actual - target)
    points_behind = pl.when(is_rate).then(rate).otherwise(amount)
    limit = pl.when(is_rate).then(common.RATE_YELLOW_POINTS).otherwise(common.YELLOW_POINTS)
    light = (
        pl.when(points_behind.is_null() | points_behind.is_nan()).then(pl.lit("grey"))
        .when(points_behind <= 1e-9).then(pl.lit("green"))
        .when(points_behind <= limit + 1e-9).then(pl.lit("yellow"))
        .otherwise(pl.lit("red"))
    )
    lights = rows.select("indicator", "org", light.alias("status"))

    # Points: figures in units of the indicator's places, both at the same places.
    districts = rows.filter(pl.col("org").str.starts_with("district."))
    scale = pl.lit(10, dtype=pl.Int64).pow(pl.col("places"))
    a = (actual * scale).round().cast(pl.Int64)
    t = (target * scale).round().cast(pl.Int64)
    w = pl.col("weight")
    ratio_units = pl.when(higher).then(half_away(a * 10_000, t)).otherwise(half_away(t * 10_000, a))
    undefined = ~pl.when(higher).then(t > 0).otherwise((a > 0) & (t > 0))
    met = pl.when(higher).then(a >= t).otherwise(a <= t)
    unmet_points = pl.when(met).then(half_away(w, 100)).otherwise(0)
    completion = (
        pl.when(ratio_units < common.COMPLETION_FLOOR).then(0)
        .otherwise(half_away(w * ratio_units.clip(0, common.COMPLETION_CAP), 1_000_000))
    )
    excess = ratio_units - 10_000
    change = pl.when(excess >= 0).then(
        (excess * common.PIECEWISE_PER_POINT).clip(upper_bound=common.PIECEWISE_MAX_ABOVE * 100)
    ).otherwise((-excess * common.PIECEWISE_PER_POINT).clip(upper_bound=common.PIECEWISE_MAX_BELOW * 100))
    piecewise = half_away(
        pl.when(excess >= 0).then(w * 100 + change).otherwise(w * 100 - change).clip(lower_bound=0), 10_000)
    gap = half_away(pl.when(higher).then(a - t).otherwise(t - a) * 100, scale)
    gap_points = pl.when(gap >= 0).then(half_away(w, 100)).otherwise(
        half_away((w * 100 - gap.abs() * common.GAP_PER_POINT).clip(lower_bound=0), 10_000))
    kind = pl.col("kind")
    points = (
        pl.when(a.is_null() | t.is_null()).then(None)
        .when(kind == "ratio").then(gap_points)
        .when(undefined).then(unmet_points)
        .when(kind == "flow").then(completion)
        .otherwise(piecewise)
    )
    scored = districts.select("indicator", "org", points.alias("points"), "position").sort(["position", "org"])
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
        "polars", load_seconds, compute_seconds, lights.rows(),
        points.select("indicator", "org", "points").rows(), args.out)


if __name__ == "__main__":
    main()
