/// One step of the schema on PostgreSQL: the same step, under the same identifier, as the
/// SQLite store's migration of that number, in PostgreSQL's terms.
struct PostgresMigration: Sendable {
  /// The identifier recorded in `schema_migration`, as the SQLite store records it.
  var identifier: String
  /// The statements, run in order in one transaction.
  var statements: [String]
}

/// The schema of the shared store, as the ordered list of migrations that build it.
///
/// The tables, keys and checks are those of the SQLite store, so that a store copies from one
/// to the other row for row. Where PostgreSQL has the better type it is used: values are
/// NUMERIC (exact, and summable by the city's own queries), times TIMESTAMPTZ, flags BOOLEAN.
/// DDL is transactional here, so a migration that fails leaves the schema as it was.
enum PostgresSchema {
  /// Every migration, oldest first; the schema version is the number applied.
  static let migrations: [PostgresMigration] = [
    observations, approvalsAndRegisters, accounts, reviewWorkflow, sessions, changeRequests, targetIssues,
    registerWithdrawals, taskReports, notices, ingestSpeed, assessmentEvents, importWrites, byteKeys,
    keyOrder,
  ]

  /// The table that records which migrations ran.
  static let ledger = """
    CREATE TABLE IF NOT EXISTS schema_migration (
      version INTEGER PRIMARY KEY,
      identifier TEXT NOT NULL UNIQUE,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )
    """

  static let observations = PostgresMigration(
    identifier: "v1-observations",
    statements: [
      """
      CREATE TABLE observation (
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        value NUMERIC NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        reported_by TEXT NOT NULL,
        reported_at TIMESTAMPTZ NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        changed_after_approval BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (plan, indicator, org, year, quarter)
      )
      """,
      """
      CREATE TABLE revision (
        plan TEXT NOT NULL,
        indicator TEXT NOT NULL,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        value NUMERIC NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
        reported_by TEXT NOT NULL,
        reported_at TIMESTAMPTZ NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        reason TEXT,
        changed_after_approval BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (plan, indicator, org, year, quarter, number),
        FOREIGN KEY (plan, indicator, org, year, quarter)
          REFERENCES observation (plan, indicator, org, year, quarter)
      )
      """,
    ])

  static let approvalsAndRegisters = PostgresMigration(
    identifier: "v2-approvals-registers",
    statements: [
      """
      CREATE TABLE approval (
        plan TEXT NOT NULL CHECK (plan <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        approved_by TEXT NOT NULL,
        approved_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (plan, org, year, quarter)
      )
      """,
      """
      CREATE TABLE register_entry (
        plan TEXT NOT NULL CHECK (plan <> ''),
        register TEXT NOT NULL CHECK (register <> ''),
        name TEXT NOT NULL CHECK (name <> ''),
        org TEXT NOT NULL,
        level TEXT NOT NULL,
        recognised_on TEXT NOT NULL,
        evidence TEXT,
        source TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        submitted_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (plan, register, name)
      )
      """,
      "CREATE INDEX observation_by_org_period ON observation (plan, org, year, quarter)",
    ])

  static let accounts = PostgresMigration(
    identifier: "v3-accounts",
    statements: [
      """
      CREATE TABLE account (
        name TEXT PRIMARY KEY CHECK (name <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        role TEXT NOT NULL CHECK (role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        password_hash TEXT NOT NULL CHECK (password_hash <> ''),
        disabled BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      )
      """,
      """
      CREATE TABLE api_token (
        name TEXT PRIMARY KEY CHECK (name <> ''),
        account TEXT NOT NULL REFERENCES account (name),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
        created_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ
      )
      """,
    ])

  /// The review workflow: `returned` figures with the reviewer's comment, locks of an org's
  /// period in place of approvals (an approved period stays locked), and the append-only audit log.
  static let reviewWorkflow = PostgresMigration(
    identifier: "v4-review-workflow",
    statements: [
      "ALTER TABLE observation DROP CONSTRAINT observation_status_check",
      """
      ALTER TABLE observation ADD CONSTRAINT observation_status_check
        CHECK (status IN ('draft', 'submitted', 'approved', 'returned'))
      """,
      "ALTER TABLE observation ADD COLUMN review_comment TEXT",
      "ALTER TABLE revision DROP CONSTRAINT revision_status_check",
      """
      ALTER TABLE revision ADD CONSTRAINT revision_status_check
        CHECK (status IN ('draft', 'submitted', 'approved', 'returned'))
      """,
      """
      CREATE TABLE period_lock (
        plan TEXT NOT NULL CHECK (plan <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        locked_by TEXT NOT NULL,
        locked_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (plan, org, year, quarter)
      )
      """,
      "INSERT INTO period_lock SELECT plan, org, year, quarter, approved_by, approved_at FROM approval",
      "DROP TABLE approval",
      """
      CREATE TABLE audit_log (
        sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (actor_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        actor_user TEXT,
        action TEXT NOT NULL CHECK (action IN ('submit', 'draft', 'approve', 'return', 'lock')),
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        old_value NUMERIC,
        new_value NUMERIC,
        old_status TEXT CHECK (old_status IN ('draft', 'submitted', 'approved', 'returned')),
        new_status TEXT CHECK (new_status IN ('draft', 'submitted', 'approved', 'returned')),
        reason TEXT,
        source TEXT NOT NULL
      )
      """,
      "CREATE INDEX audit_log_by_org ON audit_log (plan, org, year, quarter)",
      """
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: it cannot be %', lower(TG_OP) || 'd';
      END
      $$
      """,
      """
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
      """,
    ])

  static let sessions = PostgresMigration(
    identifier: "v5-sessions",
    statements: [
      """
      CREATE TABLE session (
        id_hash TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
        account TEXT NOT NULL REFERENCES account (name),
        csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
        created_at TIMESTAMPTZ NOT NULL,
        last_seen_at TIMESTAMPTZ NOT NULL,
        address TEXT NOT NULL
      )
      """,
      "CREATE INDEX session_by_account ON session (account)",
      """
      CREATE TABLE login_failure (
        account TEXT NOT NULL,
        address TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL
      )
      """,
      "CREATE INDEX login_failure_by_account ON login_failure (account, at)",
      "CREATE INDEX login_failure_by_address ON login_failure (address, at)",
    ])

  /// Change requests, and the audit log's three more actions and the number of the change request
  /// an entry is about (see the SQLite store's version 6, which must rebuild the table for it).
  static let changeRequests = PostgresMigration(
    identifier: "v6-change-requests",
    statements: [
      """
      CREATE TABLE change_request (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        seen_revision INTEGER NOT NULL CHECK (seen_revision >= 0),
        value NUMERIC NOT NULL,
        note TEXT,
        reason TEXT NOT NULL CHECK (reason <> ''),
        filed_by TEXT NOT NULL CHECK (filed_by <> ''),
        filed_role TEXT NOT NULL CHECK (filed_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        filed_user TEXT,
        filed_at TIMESTAMPTZ NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
        decided_by TEXT,
        decided_user TEXT,
        decided_at TIMESTAMPTZ,
        decision_comment TEXT,
        CHECK ((state = 'pending') = (decided_by IS NULL AND decided_at IS NULL))
      )
      """,
      "CREATE INDEX change_request_by_org_period ON change_request (plan, org, year, quarter)",
      "ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check",
      """
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
        CHECK (action IN ('submit', 'draft', 'approve', 'return', 'lock', 'change_request', 'accept_change',
          'reject_change'))
      """,
      "ALTER TABLE audit_log ADD COLUMN change_request BIGINT",
    ])

  /// Issued target versions and their targets, never updated (see the SQLite store's version 7).
  static let targetIssues = PostgresMigration(
    identifier: "v7-target-issues",
    statements: [
      """
      CREATE TABLE target_issue (
        plan TEXT NOT NULL CHECK (plan <> ''),
        version INTEGER NOT NULL CHECK (version >= 1),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        document TEXT NOT NULL CHECK (document <> ''),
        issued_on TEXT NOT NULL CHECK (length(issued_on) = 10),
        reason TEXT CHECK (reason <> ''),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        entry_count INTEGER NOT NULL CHECK (entry_count >= 1),
        issued_by TEXT NOT NULL CHECK (issued_by <> ''),
        issued_role TEXT NOT NULL CHECK (issued_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        issued_user TEXT,
        recorded_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (plan, version),
        UNIQUE (plan, document)
      )
      """,
      """
      CREATE TABLE issued_target (
        plan TEXT NOT NULL,
        version INTEGER NOT NULL,
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        value NUMERIC,
        comparator TEXT CHECK (comparator IN ('at_least', 'at_most', 'parity')),
        measure TEXT NOT NULL,
        partner TEXT,
        method TEXT NOT NULL,
        seasonal_share NUMERIC,
        is_city BOOLEAN NOT NULL,
        PRIMARY KEY (plan, version, indicator, org, year, quarter),
        FOREIGN KEY (plan, version) REFERENCES target_issue (plan, version)
      )
      """,
      """
      CREATE FUNCTION issued_targets_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an issued target version cannot be changed';
      END
      $$
      """,
      """
      CREATE TRIGGER target_issue_unchanged BEFORE UPDATE ON target_issue
      FOR EACH STATEMENT EXECUTE FUNCTION issued_targets_unchanged()
      """,
      """
      CREATE TRIGGER issued_target_unchanged BEFORE UPDATE ON issued_target
      FOR EACH STATEMENT EXECUTE FUNCTION issued_targets_unchanged()
      """,
    ])

  /// The withdrawal of a register entry: its day and reason, both set or both NULL (see the SQLite
  /// store's version 8).
  static let registerWithdrawals = PostgresMigration(
    identifier: "v8-register-withdrawals",
    statements: [
      "ALTER TABLE register_entry ADD COLUMN withdrawn_on TEXT",
      "ALTER TABLE register_entry ADD COLUMN withdrawal_reason TEXT",
      """
      ALTER TABLE register_entry ADD CONSTRAINT register_entry_withdrawn_on
        CHECK (withdrawn_on IS NULL OR (length(withdrawn_on) = 10 AND withdrawn_on > recognised_on))
      """,
      """
      ALTER TABLE register_entry ADD CONSTRAINT register_entry_withdrawal CHECK (
        (withdrawal_reason IS NULL AND withdrawn_on IS NULL)
        OR (withdrawal_reason IS NOT NULL AND withdrawn_on IS NOT NULL
          AND withdrawal_reason IN ('revoked', 'delisted', 'moved_out')))
      """,
    ])

  /// What people did about supervision notices, never updated, and the audit log's four more
  /// actions (see the SQLite store's version 10).
  static let notices = PostgresMigration(
    identifier: "v10-notices",
    statements: [
      """
      CREATE TABLE notice_action (
        plan TEXT NOT NULL CHECK (plan <> ''),
        notice TEXT NOT NULL CHECK (notice <> ''),
        number INTEGER NOT NULL CHECK (number >= 1),
        org TEXT NOT NULL CHECK (org <> ''),
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'accept', 'return', 'close')),
        text TEXT,
        evidence TEXT,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (actor_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        actor_user TEXT,
        at TIMESTAMPTZ NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (plan, notice, number),
        CHECK (kind <> 'answer' OR (text IS NOT NULL AND text <> ''))
      )
      """,
      "CREATE INDEX notice_action_by_org ON notice_action (plan, org)",
      """
      CREATE FUNCTION notice_action_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a notice action cannot be changed';
      END
      $$
      """,
      """
      CREATE TRIGGER notice_action_unchanged BEFORE UPDATE ON notice_action
      FOR EACH STATEMENT EXECUTE FUNCTION notice_action_unchanged()
      """,
      "ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check",
      """
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
        CHECK (action IN ('submit', 'draft', 'approve', 'return', 'lock', 'change_request', 'accept_change',
          'reject_change', 'notice_answer', 'notice_accept', 'notice_return', 'notice_close'))
      """,
    ])

  /// A revision's reference to its observation checked once per statement over all the rows it
  /// wrote, instead of the foreign key's query per row, which was most of what a large import
  /// cost the server (see the SQLite store's version 11, which lightens its checks instead).
  ///
  /// The triggers hold what the foreign key held: a revision written (inserted or updated) must
  /// name an observation, which is locked `FOR KEY SHARE` as the foreign key locks it, so that no
  /// other transaction deletes it meanwhile; an observation deleted, re-keyed or truncated must
  /// leave no revision without it. Each is checked at the end of the statement, as the foreign
  /// key was, and a breach raises the same error code (`foreign_key_violation`). The functions keep
  /// the store's schema as their search path, so that they find its tables as the foreign key did
  /// whoever writes to them.
  static let ingestSpeed = PostgresMigration(
    identifier: "v11-ingest-speed",
    statements: [
      "ALTER TABLE revision DROP CONSTRAINT revision_plan_indicator_org_year_quarter_fkey",
      """
      CREATE FUNCTION revision_observation_exists() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        -- Each key written is found and locked once: one join over the statement's rows, where a
        -- query per key would cost the server more than the rows themselves.
        IF (SELECT count(*) FROM (
              SELECT 1 FROM observation o
              JOIN (SELECT DISTINCT plan, indicator, org, year, quarter FROM written) w
                USING (plan, indicator, org, year, quarter)
              FOR KEY SHARE OF o) locked)
          <> (SELECT count(*) FROM (SELECT DISTINCT plan, indicator, org, year, quarter FROM written) keys)
        THEN
          RAISE EXCEPTION 'a revision refers to an observation that does not exist'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END
      $$
      """,
      """
      CREATE TRIGGER revision_observation_inserted AFTER INSERT ON revision REFERENCING NEW TABLE AS written
      FOR EACH STATEMENT EXECUTE FUNCTION revision_observation_exists()
      """,
      """
      CREATE TRIGGER revision_observation_updated AFTER UPDATE ON revision REFERENCING NEW TABLE AS written
      FOR EACH STATEMENT EXECUTE FUNCTION revision_observation_exists()
      """,
      """
      CREATE FUNCTION observation_keeps_revisions() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          IF EXISTS (SELECT 1 FROM revision) THEN
            RAISE EXCEPTION 'observation is truncated while revisions refer to it'
              USING ERRCODE = 'foreign_key_violation';
          END IF;
        ELSIF EXISTS (
          SELECT 1 FROM gone g
          WHERE NOT EXISTS (
              SELECT 1 FROM observation o
              WHERE o.plan = g.plan AND o.indicator = g.indicator AND o.org = g.org AND o.year = g.year
                AND o.quarter = g.quarter)
            AND EXISTS (
              SELECT 1 FROM revision r
              WHERE r.plan = g.plan AND r.indicator = g.indicator AND r.org = g.org AND r.year = g.year
                AND r.quarter = g.quarter))
        THEN
          RAISE EXCEPTION 'an observation that revisions refer to is deleted or re-keyed'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END
      $$
      """,
      """
      CREATE TRIGGER observation_deleted AFTER DELETE ON observation REFERENCING OLD TABLE AS gone
      FOR EACH STATEMENT EXECUTE FUNCTION observation_keeps_revisions()
      """,
      """
      CREATE TRIGGER observation_updated AFTER UPDATE ON observation REFERENCING OLD TABLE AS gone
      FOR EACH STATEMENT EXECUTE FUNCTION observation_keeps_revisions()
      """,
      """
      CREATE TRIGGER observation_truncated AFTER TRUNCATE ON observation
      FOR EACH STATEMENT EXECUTE FUNCTION observation_keeps_revisions()
      """,
    ])
}
