"""The last quarter's lights and the districts' item points in DuckDB SQL (see common.py for the
scope). The CSV files are loaded into in-memory tables first; the computation is one query each.

Usage: .venv/bin/python monitoring_duckdb.py DATA_DIR [--out DIR]
"""

import duckdb

import common


def load(data):
    connection = duckdb.connect()
    connection.execute(f"""
        CREATE TABLE observations AS
        SELECT indicator, org, period, value FROM read_csv('{data}/observations.csv', header = true,
            columns = {{'indicator': 'VARCHAR', 'org': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE',
                        'unit': 'VARCHAR', 'note': 'VARCHAR', 'reported_at': 'VARCHAR'}})""")
    connection.execute(f"""
        CREATE TABLE targets AS SELECT * FROM read_csv('{data}/targets.csv', header = true,
            columns = {{'indicator': 'VARCHAR', 'org': 'VARCHAR', 'period': 'VARCHAR', 'target': 'DOUBLE'}})""")
    connection.execute(f"""
        CREATE TABLE indicators AS
        SELECT row_number() OVER () - 1 AS position, * FROM read_csv('{data}/indicators.csv', header = true,
            columns = {{'indicator': 'VARCHAR', 'kind': 'VARCHAR', 'unit': 'VARCHAR', 'direction': 'VARCHAR',
                        'measure': 'VARCHAR', 'places': 'INTEGER', 'target_places': 'INTEGER',
                        'last_share': 'DOUBLE'}})""")
    return connection


def compute(connection):
    count = connection.execute("SELECT count(*) FROM indicators").fetchone()[0]
    base, extra = divmod(common.DISTRICT_ITEM_HUNDREDTHS, count)
    connection.execute(f"""
        CREATE OR REPLACE TEMP TABLE monitored AS
        WITH last AS (SELECT max(period) AS period FROM targets)
        SELECT t.indicator, t.org, t.target, o.value, i.*,
               CAST(right(last.period, 1) AS INTEGER) AS quarter,
               (CASE WHEN i.position < {extra} THEN {base} + 1 ELSE {base} END) * 100 AS weight
        FROM targets t JOIN last ON t.period = last.period
        LEFT JOIN observations o ON o.indicator = t.indicator AND o.org = t.org AND o.period = t.period
        JOIN indicators i ON i.indicator = t.indicator""")
    connection.execute(f"""
        CREATE OR REPLACE TEMP TABLE lights AS
        WITH paced AS (
            SELECT *, kind IN ('ratio', 'growth_rate') OR measure = 'average_annual' AS is_rate,
                   direction = 'higher' AS higher,
                   CASE WHEN kind = 'flow' AND measure = 'level'
                        THEN target * coalesce(last_share, quarter / 4.0) ELSE target END AS expected
            FROM monitored),
        behind AS (
            SELECT *,
                CASE WHEN is_rate THEN CASE WHEN higher THEN target - value ELSE value - target END
                     WHEN value IS NULL OR expected IS NULL THEN NULL
                     WHEN NOT (expected > 0 AND (higher OR value > 0))
                        THEN CASE WHEN (higher AND value >= expected) OR (NOT higher AND value <= expected)
                                  THEN 0.0 ELSE 'inf'::DOUBLE END
                     WHEN (1 - CASE WHEN higher THEN value / expected ELSE expected / value END) * 100 > 0
                          AND ((higher AND value >= target) OR (NOT higher AND value <= target)) THEN 0.0
                     ELSE (1 - CASE WHEN higher THEN value / expected ELSE expected / value END) * 100
                END AS points_behind
            FROM paced)
        SELECT indicator, org,
            CASE WHEN points_behind IS NULL OR isnan(points_behind) THEN 'grey'
                 WHEN points_behind <= 1e-9 THEN 'green'
                 WHEN points_behind <= (CASE WHEN is_rate THEN {common.RATE_YELLOW_POINTS}
                                             ELSE {common.YELLOW_POINTS} END) + 1e-9 THEN 'yellow'
                 ELSE 'red' END AS status
        FROM behind""")

    def half_away(value, divisor):
        return f"((abs({value}) * 2 + ({divisor})) // (({divisor}) * 2) * sign({value}))"

    connection.execute(f"""
        CREATE OR REPLACE TEMP TABLE points AS
        WITH units AS (
            SELECT indicator, org, position, kind, weight AS w, direction = 'higher' AS higher,
                   CAST(10 ^ places AS BIGINT) AS scale,
                   CAST(round(value * 10 ^ places) AS BIGINT) AS a,
                   CAST(round(target * 10 ^ places) AS BIGINT) AS t
            FROM monitored WHERE starts_with(org, 'district.')),
        ratios AS (
            SELECT *,
                CASE WHEN higher THEN t > 0 ELSE a > 0 AND t > 0 END AS defined,
                CASE WHEN higher AND t > 0 THEN {half_away('a * 10000', 't')}
                     WHEN NOT higher AND a > 0 AND t > 0 THEN {half_away('t * 10000', 'a')} END AS ratio,
                {half_away('(CASE WHEN higher THEN a - t ELSE t - a END) * 100', 'scale')} AS gap
            FROM units)
        SELECT indicator, org,
            CASE WHEN a IS NULL OR t IS NULL THEN NULL
                 WHEN kind = 'ratio' THEN
                    CASE WHEN gap >= 0 THEN {half_away('w', '100')}
                         ELSE {half_away(f'greatest(w * 100 - abs(gap) * {common.GAP_PER_POINT}, 0)', '10000')} END
                 WHEN NOT defined THEN
                    CASE WHEN (higher AND a >= t) OR (NOT higher AND a <= t) THEN {half_away('w', '100')} ELSE 0 END
                 WHEN kind = 'flow' THEN
                    CASE WHEN ratio < {common.COMPLETION_FLOOR} THEN 0
                         ELSE {half_away(f'w * least(greatest(ratio, 0), {common.COMPLETION_CAP})', '1000000')} END
                 WHEN ratio >= 10000 THEN
                    {half_away(f'w * 100 + least((ratio - 10000) * {common.PIECEWISE_PER_POINT}, {common.PIECEWISE_MAX_ABOVE * 100})', '10000')}
                 ELSE
                    {half_away(f'greatest(w * 100 - least((10000 - ratio) * {common.PIECEWISE_PER_POINT}, {common.PIECEWISE_MAX_BELOW * 100}), 0)', '10000')}
            END AS points
        FROM ratios ORDER BY position, org""")


def main():
    args = common.arguments(__doc__)
    watch = common.Stopwatch()
    connection = load(args.data)
    load_seconds = watch.elapsed
    watch = common.Stopwatch()
    compute(connection)
    compute_seconds = watch.elapsed
    lights = connection.execute("SELECT * FROM lights").fetchall()
    points = connection.execute("SELECT * FROM points").fetchall()
    common.finish("duckdb", load_seconds, compute_seconds, lights, points, args.out)


if __name__ == "__main__":
    main()
