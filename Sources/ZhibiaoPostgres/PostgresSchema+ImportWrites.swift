extension PostgresSchema {
  /// A revision's reference to its observation checked without a lock on the observations the
  /// writing transaction made or changed itself, and the audit log's index by org in the order
  /// its one query reads it (see the SQLite store's version 13).
  ///
  /// Version 11's check locked every observation a statement's revisions name `FOR KEY SHARE`,
  /// as the foreign key did; in an import the observations are new, written by the same
  /// transaction a statement before, and locking a million of them rewrote every one and took
  /// more of the server's time than copying the revisions. An observation whose row version this
  /// transaction wrote (its `xmin`) cannot be deleted by another before this one ends: no other
  /// sees it if it is new, and one changed holds a lock that a delete waits for. Those are only
  /// counted; any other is locked as before, and counted only once locked, so that one deleted
  /// meanwhile is missed as the foreign key would miss it. A revision's key matches one
  /// observation at most, so the matches counted against the revisions written, duplicates and
  /// all, say whether every revision has its observation, without sorting the keys first.
  ///
  /// The audit log is read by plan and org in the order of its entries: its index is now
  /// `(plan, org, sequence)`, which gives them in that order, instead of by org's period, which
  /// no query used.
  static let importWrites = PostgresMigration(
    identifier: "v13-import-writes",
    statements: [
      """
      CREATE OR REPLACE FUNCTION revision_observation_exists() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      DECLARE
        me xid := xid(pg_current_xact_id());
        found bigint;
        others bigint;
        locked bigint := 0;
      BEGIN
        SELECT count(*), count(*) FILTER (WHERE o.xmin <> me) INTO found, others
        FROM written w JOIN observation o USING (plan, indicator, org, year, quarter);
        IF others > 0 THEN
          SELECT count(*) INTO locked FROM (
            SELECT 1 FROM written w JOIN observation o USING (plan, indicator, org, year, quarter)
            WHERE o.xmin <> me
            FOR KEY SHARE OF o) kept;
        END IF;
        IF found - others + locked <> (SELECT count(*) FROM written) THEN
          RAISE EXCEPTION 'a revision refers to an observation that does not exist'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END
      $$
      """,
      "DROP INDEX audit_log_by_org",
      "CREATE INDEX audit_log_by_org ON audit_log (plan, org, sequence)",
    ])
}
