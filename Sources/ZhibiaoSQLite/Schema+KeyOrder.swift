extension Schema {
  /// Version 15: observations and revisions keyed by org's period first, and a figure's first
  /// revision left to its observation.
  ///
  /// - **One order.** `observation` was a table with a rowid, its key `(plan, indicator, org,
  ///   year, quarter)` and an index by org's period: three B-trees, two of them in different
  ///   orders, so that an import, whatever the order of its rows, filled one of them all over its
  ///   pages. Now the key is `(plan, org, year, quarter, indicator)` and the table is the key's
  ///   own B-tree (`WITHOUT ROWID`). Every query by org's period — the submission's read of the
  ///   current values, review, the pages of one district — reads the key's prefix; the stores
  ///   write new figures in the key's order (``WriteOrder``). `revision` follows the same order.
  /// - **First revisions.** A revision that says only what its observation says — the first, with
  ///   no reason, not marked as changed after approval, of an observation still at its first
  ///   revision with the same value, status, reporter, time, source and note — is deleted: the
  ///   store reads it from the observation (``FirstRevision``), and writes it out before the
  ///   observation changes.
  ///
  /// SQLite cannot change a table's key, so both tables are rebuilt by its documented procedure,
  /// as version 11 rebuilt them (the migrator runs it with foreign keys off and checks them all
  /// before committing).
  static let keyOrder = SchemaMigration(
    identifier: "v15-key-order",
    sql: """
      CREATE TABLE new_observation (
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        value TEXT NOT NULL CHECK (value <> ''),
        status TEXT NOT NULL CHECK (\(oneOf("status", statuses))),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        changed_after_approval INTEGER NOT NULL DEFAULT 0 CHECK (\(oneOf("changed_after_approval", ["0", "1"]))),
        review_comment TEXT,
        PRIMARY KEY (plan, org, year, quarter, indicator)
      ) WITHOUT ROWID;
      INSERT INTO new_observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
        reported_at, source, note, changed_after_approval, review_comment)
      SELECT plan, indicator, org, year, quarter, value, status, revision, reported_by, reported_at, source, note,
        changed_after_approval, review_comment
      FROM observation ORDER BY plan, org, year, quarter, indicator;
      CREATE TABLE new_revision (
        plan TEXT NOT NULL,
        indicator TEXT NOT NULL,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        value TEXT NOT NULL CHECK (value <> ''),
        status TEXT NOT NULL CHECK (\(oneOf("status", statuses))),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        reason TEXT,
        changed_after_approval INTEGER NOT NULL DEFAULT 0 CHECK (\(oneOf("changed_after_approval", ["0", "1"]))),
        PRIMARY KEY (plan, org, year, quarter, indicator, number),
        FOREIGN KEY (plan, org, year, quarter, indicator)
          REFERENCES observation (plan, org, year, quarter, indicator)
      ) WITHOUT ROWID;
      INSERT INTO new_revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
        source, note, reason, changed_after_approval)
      SELECT plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at, source, note, reason,
        changed_after_approval
      FROM revision r
      WHERE NOT (
        r.number = 1 AND r.reason IS NULL AND r.changed_after_approval = 0
        AND EXISTS (
          SELECT 1 FROM observation o
          WHERE o.plan = r.plan AND o.org = r.org AND o.year = r.year AND o.quarter = r.quarter
            AND o.indicator = r.indicator AND o.revision = 1 AND o.value = r.value AND o.status = r.status
            AND o.reported_by = r.reported_by AND o.reported_at = r.reported_at AND o.source = r.source
            AND o.note IS r.note))
      ORDER BY plan, org, year, quarter, indicator, number;
      DROP TABLE revision;
      DROP TABLE observation;
      ALTER TABLE new_observation RENAME TO observation;
      ALTER TABLE new_revision RENAME TO revision;
      """)
}
