extension PostgresSchema {
  /// Version 15: observations and revisions keyed by org's period first, and a figure's first
  /// revision left to its observation (see the SQLite store's version 15).
  ///
  /// The observation's key becomes `(plan, org, year, quarter, indicator)` and its index by org's
  /// period goes: the key's prefix serves every query by org's period, and an import, which the
  /// store writes in the key's order, fills one index in its order instead of two in different
  /// ones. `revision` follows the same order. A revision that says only what its observation says
  /// — the first, with no reason, not marked as changed after approval, of an observation still at
  /// its first revision with the same value (compared as written), status, reporter, time, source
  /// and note — is deleted: the store reads it from the observation and writes it out before the
  /// observation changes.
  static let keyOrder = PostgresMigration(
    identifier: "v15-key-order",
    statements: [
      "ALTER TABLE observation DROP CONSTRAINT observation_pkey",
      "ALTER TABLE observation ADD PRIMARY KEY (plan, org, year, quarter, indicator)",
      "DROP INDEX observation_by_org_period",
      "ALTER TABLE revision DROP CONSTRAINT revision_pkey",
      "ALTER TABLE revision ADD PRIMARY KEY (plan, org, year, quarter, indicator, number)",
      """
      DELETE FROM revision r USING observation o
      WHERE r.number = 1 AND r.reason IS NULL AND NOT r.changed_after_approval
        AND o.plan = r.plan AND o.org = r.org AND o.year = r.year AND o.quarter = r.quarter
        AND o.indicator = r.indicator AND o.revision = 1 AND o.value::text = r.value::text AND o.status = r.status
        AND o.reported_by = r.reported_by AND o.reported_at = r.reported_at AND o.source = r.source
        AND o.note IS NOT DISTINCT FROM r.note
      """,
    ])
}
