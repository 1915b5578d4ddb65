/// One step of the schema, applied once and recorded by identifier in `grdb_migrations`.
///
/// A migration that has shipped is never edited: a store opened by an older build has already
/// run it, so a change would leave two stores with the same version and different schemas.
/// Changes go into a new migration appended to ``Schema/migrations``.
struct SchemaMigration: Sendable {
  /// The identifier recorded in the store.
  var identifier: String
  /// The statements, run in one transaction.
  var sql: String
}

/// The store's schema, as the ordered list of migrations that build it.
///
/// Keys carry their plan so that several plans can share a file. A period is `year` and
/// `quarter`, with quarter 0 for the whole year, so that the key has no NULL in it (NULLs are
/// distinct in a primary key). Values are TEXT in exact decimal form: a REAL would round
/// 0.1 and lose yuan on large sums. Times are UTC ISO-8601 text to the millisecond, which sorts
/// and compares as text and reads without a tool.
enum Schema {
  /// Every migration, oldest first; the schema version is the number applied.
  static let migrations: [SchemaMigration] = [
    observations, approvalsAndRegisters, accounts, reviewWorkflow, sessions, changeRequests, targetIssues,
    registerWithdrawals, taskReports, notices, ingestSpeed, assessmentEvents, importWrites, byteKeys,
    keyOrder,
  ]

  /// Version 1: the current value of each observation and every value it ever had.
  static let observations = SchemaMigration(
    identifier: "v1-observations",
    sql: """
      CREATE TABLE observation (
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        value TEXT NOT NULL CHECK (value <> ''),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        changed_after_approval INTEGER NOT NULL DEFAULT 0 CHECK (changed_after_approval IN (0, 1)),
        PRIMARY KEY (plan, indicator, org, year, quarter)
      );
      CREATE TABLE revision (
        plan TEXT NOT NULL,
        indicator TEXT NOT NULL,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        value TEXT NOT NULL CHECK (value <> ''),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        reason TEXT,
        changed_after_approval INTEGER NOT NULL DEFAULT 0 CHECK (changed_after_approval IN (0, 1)),
        PRIMARY KEY (plan, indicator, org, year, quarter, number),
        FOREIGN KEY (plan, indicator, org, year, quarter)
          REFERENCES observation (plan, indicator, org, year, quarter)
      );
      """)

  /// Version 2: approvals (the lock on an org's period), registers, and the index that finds an
  /// org's period, which both approval and the bulk read of a submission's current values use.
  static let approvalsAndRegisters = SchemaMigration(
    identifier: "v2-approvals-registers",
    sql: """
      CREATE TABLE approval (
        plan TEXT NOT NULL CHECK (plan <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        approved_by TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        PRIMARY KEY (plan, org, year, quarter)
      );
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
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (plan, register, name)
      );
      CREATE INDEX observation_by_org_period ON observation (plan, org, year, quarter);
      """)

  /// Version 3: user accounts and the bearer tokens of scripts. Passwords and tokens are kept only
  /// as hashes; a token names the account it acts as, and goes when revoked, not deleted, so that
  /// the log of who did what keeps its meaning.
  static let accounts = SchemaMigration(
    identifier: "v3-accounts",
    sql: """
      CREATE TABLE account (
        name TEXT PRIMARY KEY CHECK (name <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        role TEXT NOT NULL CHECK (role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        password_hash TEXT NOT NULL CHECK (password_hash <> ''),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE api_token (
        name TEXT PRIMARY KEY CHECK (name <> ''),
        account TEXT NOT NULL REFERENCES account (name),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      """)

  /// Version 4: the review workflow.
  ///
  /// - A figure may be `returned` (with the reviewer's comment in `observation.review_comment`
  ///   and in its revision's `reason`). SQLite cannot alter a CHECK, so `observation` and
  ///   `revision` are rebuilt and their rows copied as they are.
  /// - Drafts stay in `observation`, only where no reported figure exists (the store never lets
  ///   a draft replace one), and every read of reported figures skips them.
  /// - `period_lock` is the lock of an org's period, which `approval` meant until now: its rows
  ///   are copied (an approved period stays locked) and `approval` goes.
  /// - `audit_log` records every transition in the transaction that makes it; triggers refuse
  ///   to update or delete it.
  static let reviewWorkflow = SchemaMigration(
    identifier: "v4-review-workflow",
    sql: """
      CREATE TABLE new_observation (
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        value TEXT NOT NULL CHECK (value <> ''),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        changed_after_approval INTEGER NOT NULL DEFAULT 0 CHECK (changed_after_approval IN (0, 1)),
        review_comment TEXT,
        PRIMARY KEY (plan, indicator, org, year, quarter)
      );
      INSERT INTO new_observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
        reported_at, source, note, changed_after_approval)
      SELECT plan, indicator, org, year, quarter, value, status, revision, reported_by, reported_at, source, note,
        changed_after_approval
      FROM observation;
      CREATE TABLE new_revision (
        plan TEXT NOT NULL,
        indicator TEXT NOT NULL,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        value TEXT NOT NULL CHECK (value <> ''),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        reason TEXT,
        changed_after_approval INTEGER NOT NULL DEFAULT 0 CHECK (changed_after_approval IN (0, 1)),
        PRIMARY KEY (plan, indicator, org, year, quarter, number),
        FOREIGN KEY (plan, indicator, org, year, quarter)
          REFERENCES observation (plan, indicator, org, year, quarter)
      );
      INSERT INTO new_revision SELECT plan, indicator, org, year, quarter, number, value, status, reported_by,
        reported_at, source, note, reason, changed_after_approval FROM revision;
      DROP TABLE revision;
      DROP TABLE observation;
      ALTER TABLE new_observation RENAME TO observation;
      ALTER TABLE new_revision RENAME TO revision;
      CREATE INDEX observation_by_org_period ON observation (plan, org, year, quarter);

      CREATE TABLE period_lock (
        plan TEXT NOT NULL CHECK (plan <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        locked_by TEXT NOT NULL,
        locked_at TEXT NOT NULL,
        PRIMARY KEY (plan, org, year, quarter)
      );
      INSERT INTO period_lock SELECT plan, org, year, quarter, approved_by, approved_at FROM approval;
      DROP TABLE approval;

      CREATE TABLE audit_log (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (actor_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        actor_user TEXT,
        action TEXT NOT NULL CHECK (action IN ('submit', 'draft', 'approve', 'return', 'lock')),
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        old_value TEXT,
        new_value TEXT,
        old_status TEXT CHECK (old_status IN ('draft', 'submitted', 'approved', 'returned')),
        new_status TEXT CHECK (new_status IN ('draft', 'submitted', 'approved', 'returned')),
        reason TEXT,
        source TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_org ON audit_log (plan, org, year, quarter);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: it cannot be updated'); END;
      \(auditLogNoDelete);
      """)

  /// The trigger that refuses deletes from the audit log (created by version 4; a whole-store
  /// replacement drops it and creates it again in its transaction).
  static let auditLogNoDelete = """
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: it cannot be deleted'); END
    """

  /// Version 5: the web app's sessions, kept by the hash of their id, and failed sign-ins for
  /// throttling; both shared by every instance of the app on the store.
  static let sessions = SchemaMigration(
    identifier: "v5-sessions",
    sql: """
      CREATE TABLE session (
        id_hash TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
        account TEXT NOT NULL REFERENCES account (name),
        csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        address TEXT NOT NULL
      );
      CREATE INDEX session_by_account ON session (account);
      CREATE TABLE login_failure (
        account TEXT NOT NULL,
        address TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX login_failure_by_account ON login_failure (account, at);
      CREATE INDEX login_failure_by_address ON login_failure (address, at);
      """)

  /// Version 6: change requests, the only way to change an approved figure or one in a locked
  /// period.
  ///
  /// - `change_request` keeps each request with the figure's revision when it was filed, so that
  ///   accepting it after the figure has moved on is refused; a request is decided once, and a
  ///   CHECK holds that a pending one has no decision and a decided one has its decider and time.
  /// - The audit log takes three more actions and the number of the change request an entry is
  ///   about. SQLite cannot alter a CHECK, so `audit_log` is rebuilt and its rows copied as they
  ///   are, sequence numbers included (its AUTOINCREMENT counter moves with the table's name), and
  ///   its index and append-only triggers are made again.
  static let changeRequests = SchemaMigration(
    identifier: "v6-change-requests",
    sql: """
      CREATE TABLE change_request (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        seen_revision INTEGER NOT NULL CHECK (seen_revision >= 0),
        value TEXT NOT NULL CHECK (value <> ''),
        note TEXT,
        reason TEXT NOT NULL CHECK (reason <> ''),
        filed_by TEXT NOT NULL CHECK (filed_by <> ''),
        filed_role TEXT NOT NULL CHECK (filed_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        filed_user TEXT,
        filed_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
        decided_by TEXT,
        decided_user TEXT,
        decided_at TEXT,
        decision_comment TEXT,
        CHECK ((state = 'pending') = (decided_by IS NULL AND decided_at IS NULL))
      );
      CREATE INDEX change_request_by_org_period ON change_request (plan, org, year, quarter);

      DROP TRIGGER audit_log_no_update;
      DROP TRIGGER audit_log_no_delete;
      CREATE TABLE new_audit_log (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (actor_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        actor_user TEXT,
        action TEXT NOT NULL CHECK (action IN ('submit', 'draft', 'approve', 'return', 'lock', 'change_request',
          'accept_change', 'reject_change')),
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        old_value TEXT,
        new_value TEXT,
        old_status TEXT CHECK (old_status IN ('draft', 'submitted', 'approved', 'returned')),
        new_status TEXT CHECK (new_status IN ('draft', 'submitted', 'approved', 'returned')),
        reason TEXT,
        source TEXT NOT NULL,
        change_request INTEGER
      );
      INSERT INTO new_audit_log (sequence, at, actor_org, actor_role, actor_user, action, plan, indicator, org, year,
        quarter, old_value, new_value, old_status, new_status, reason, source)
      SELECT sequence, at, actor_org, actor_role, actor_user, action, plan, indicator, org, year, quarter, old_value,
        new_value, old_status, new_status, reason, source
      FROM audit_log ORDER BY sequence;
      DELETE FROM sqlite_sequence WHERE name = 'new_audit_log';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'new_audit_log', seq FROM sqlite_sequence WHERE name = 'audit_log';
      DROP TABLE audit_log;
      ALTER TABLE new_audit_log RENAME TO audit_log;
      CREATE INDEX audit_log_by_org ON audit_log (plan, org, year, quarter);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: it cannot be updated'); END;
      \(auditLogNoDelete);
      """)

  /// Version 7: issued target versions (下达的目标版本).
  ///
  /// - `target_issue` keeps each version: its year, document number (one version per number),
  ///   date, the reason of an adjustment, the SHA-256 of its canonical content and who issued it.
  /// - `issued_target` keeps its targets, as exact text like every other value.
  /// - Neither is ever updated: a trigger refuses it, since an issued figure must not move.
  static let targetIssues = SchemaMigration(
    identifier: "v7-target-issues",
    sql: """
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
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (plan, version),
        UNIQUE (plan, document)
      );
      CREATE TABLE issued_target (
        plan TEXT NOT NULL,
        version INTEGER NOT NULL,
        indicator TEXT NOT NULL CHECK (indicator <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        value TEXT,
        comparator TEXT CHECK (comparator IN ('at_least', 'at_most', 'parity')),
        measure TEXT NOT NULL,
        partner TEXT,
        method TEXT NOT NULL,
        seasonal_share TEXT,
        is_city INTEGER NOT NULL CHECK (is_city IN (0, 1)),
        PRIMARY KEY (plan, version, indicator, org, year, quarter),
        FOREIGN KEY (plan, version) REFERENCES target_issue (plan, version)
      );
      CREATE TRIGGER target_issue_no_update BEFORE UPDATE ON target_issue
      BEGIN SELECT RAISE(ABORT, 'an issued target version cannot be changed'); END;
      CREATE TRIGGER issued_target_no_update BEFORE UPDATE ON issued_target
      BEGIN SELECT RAISE(ABORT, 'an issued target cannot be changed'); END;
      """)

  /// Version 8: an entity leaves a register (名录) on a day, for a reason, and stays in it as a
  /// record: `withdrawn_on` (`YYYY-MM-DD`, after `recognised_on`) and `withdrawal_reason`
  /// (`revoked` 撤销, `delisted` 摘牌, `moved_out` 迁出), both set or both NULL. Rows of earlier
  /// versions are entities still on their register. The checks are column checks, which `ADD
  /// COLUMN` accepts, so the table keeps its rows in place.
  static let registerWithdrawals = SchemaMigration(
    identifier: "v8-register-withdrawals",
    sql: """
      ALTER TABLE register_entry ADD COLUMN withdrawn_on TEXT
        CHECK (withdrawn_on IS NULL OR (length(withdrawn_on) = 10 AND withdrawn_on > recognised_on));
      ALTER TABLE register_entry ADD COLUMN withdrawal_reason TEXT
        CHECK ((withdrawal_reason IS NULL AND withdrawn_on IS NULL)
          OR (withdrawal_reason IS NOT NULL AND withdrawn_on IS NOT NULL
          AND withdrawal_reason IN ('revoked', 'delisted', 'moved_out')));
      """)

  /// Version 10: what people did about supervision notices (督办单). The notices themselves are
  /// derived from the plan's rules and the monitoring history; only the addressee's answers and
  /// the commission's decisions are kept, numbered per notice, never updated or deleted.
  ///
  /// - `notice_action` keys each action by its notice's stable id and its number; `org` is the
  ///   notice's addressee, for the read scope.
  /// - The audit log takes four more actions (`notice_answer`, `notice_accept`, `notice_return`,
  ///   `notice_close`): SQLite cannot alter a CHECK, so `audit_log` is rebuilt as version 6 did,
  ///   its rows, sequence numbers, AUTOINCREMENT counter, index and append-only triggers kept.
  static let notices = SchemaMigration(
    identifier: "v10-notices",
    sql: """
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
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (plan, notice, number),
        CHECK (kind <> 'answer' OR (text IS NOT NULL AND text <> ''))
      );
      CREATE INDEX notice_action_by_org ON notice_action (plan, org);
      CREATE TRIGGER notice_action_no_update BEFORE UPDATE ON notice_action
      BEGIN SELECT RAISE(ABORT, 'a notice action cannot be changed'); END;

      DROP TRIGGER audit_log_no_update;
      DROP TRIGGER audit_log_no_delete;
      CREATE TABLE new_audit_log (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (actor_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        actor_user TEXT,
        action TEXT NOT NULL CHECK (action IN ('submit', 'draft', 'approve', 'return', 'lock', 'change_request',
          'accept_change', 'reject_change', 'notice_answer', 'notice_accept', 'notice_return', 'notice_close')),
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        old_value TEXT,
        new_value TEXT,
        old_status TEXT CHECK (old_status IN ('draft', 'submitted', 'approved', 'returned')),
        new_status TEXT CHECK (new_status IN ('draft', 'submitted', 'approved', 'returned')),
        reason TEXT,
        source TEXT NOT NULL,
        change_request INTEGER
      );
      INSERT INTO new_audit_log (sequence, at, actor_org, actor_role, actor_user, action, plan, indicator, org, year,
        quarter, old_value, new_value, old_status, new_status, reason, source, change_request)
      SELECT sequence, at, actor_org, actor_role, actor_user, action, plan, indicator, org, year, quarter, old_value,
        new_value, old_status, new_status, reason, source, change_request
      FROM audit_log ORDER BY sequence;
      DELETE FROM sqlite_sequence WHERE name = 'new_audit_log';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'new_audit_log', seq FROM sqlite_sequence WHERE name = 'audit_log';
      DROP TABLE audit_log;
      ALTER TABLE new_audit_log RENAME TO audit_log;
      CREATE INDEX audit_log_by_org ON audit_log (plan, org, year, quarter);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: it cannot be updated'); END;
      \(auditLogNoDelete);
      """)

  /// The checks of the tables an import writes row by row, in a form SQLite evaluates cheaply.
  /// A CHECK of `status IN ('draft', …)` builds a temporary table for every row it checks, which
  /// made these checks most of what an observation, its revision and its audit entry cost; the
  /// same lists written as comparisons (`status = 'draft' OR …`) accept and refuse exactly the same
  /// values, NULL included, for a fraction of the cost.
  ///
  /// SQLite cannot alter a CHECK, so `observation`, `revision` and `audit_log` are rebuilt by its
  /// documented procedure (the migrator runs it with foreign keys off and checks them all before
  /// committing): each new table is made, the rows copied as they are, the old table dropped and
  /// the new one renamed, and its index and triggers made again. The audit log keeps its sequence
  /// numbers and its AUTOINCREMENT counter, so that no number is ever given twice.
  static let ingestSpeed = SchemaMigration(
    identifier: "v11-ingest-speed",
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
        PRIMARY KEY (plan, indicator, org, year, quarter)
      );
      INSERT INTO new_observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
        reported_at, source, note, changed_after_approval, review_comment)
      SELECT plan, indicator, org, year, quarter, value, status, revision, reported_by, reported_at, source, note,
        changed_after_approval, review_comment
      FROM observation;
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
        PRIMARY KEY (plan, indicator, org, year, quarter, number),
        FOREIGN KEY (plan, indicator, org, year, quarter)
          REFERENCES observation (plan, indicator, org, year, quarter)
      );
      INSERT INTO new_revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
        source, note, reason, changed_after_approval)
      SELECT plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at, source, note, reason,
        changed_after_approval
      FROM revision;
      DROP TABLE revision;
      DROP TABLE observation;
      ALTER TABLE new_observation RENAME TO observation;
      ALTER TABLE new_revision RENAME TO revision;
      CREATE INDEX observation_by_org_period ON observation (plan, org, year, quarter);

      DROP TRIGGER audit_log_no_update;
      DROP TRIGGER audit_log_no_delete;
      CREATE TABLE new_audit_log (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (\(oneOf("actor_role", roles))),
        actor_user TEXT,
        action TEXT NOT NULL CHECK (\(oneOf("action", actions))),
        plan TEXT NOT NULL CHECK (plan <> ''),
        indicator TEXT,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        old_value TEXT,
        new_value TEXT,
        old_status TEXT CHECK (\(oneOf("old_status", statuses))),
        new_status TEXT CHECK (\(oneOf("new_status", statuses))),
        reason TEXT,
        source TEXT NOT NULL,
        change_request INTEGER
      );
      INSERT INTO new_audit_log (sequence, at, actor_org, actor_role, actor_user, action, plan, indicator, org, year,
        quarter, old_value, new_value, old_status, new_status, reason, source, change_request)
      SELECT sequence, at, actor_org, actor_role, actor_user, action, plan, indicator, org, year, quarter, old_value,
        new_value, old_status, new_status, reason, source, change_request
      FROM audit_log ORDER BY sequence;
      DELETE FROM sqlite_sequence WHERE name = 'new_audit_log';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'new_audit_log', seq FROM sqlite_sequence WHERE name = 'audit_log';
      DROP TABLE audit_log;
      ALTER TABLE new_audit_log RENAME TO audit_log;
      CREATE INDEX audit_log_by_org ON audit_log (plan, org, year, quarter);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: it cannot be updated'); END;
      \(auditLogNoDelete);
      """)

  /// The statuses, roles and audited actions the tables accept.
  static let statuses = ["draft", "submitted", "approved", "returned"].map { "'\($0)'" }
  static let roles = ["district", "bureau", "commission", "admin", "viewer"].map { "'\($0)'" }
  static let actions = [
    "submit", "draft", "approve", "return", "lock", "change_request", "accept_change", "reject_change",
    "notice_answer", "notice_accept", "notice_return", "notice_close",
  ].map { "'\($0)'" }

  /// `column = a OR column = b …`: what `column IN (a, b, …)` accepts (NULL too, which compares
  /// to nothing and so passes a CHECK either way), without the temporary table SQLite builds
  /// for an IN list on every row it checks.
  static func oneOf(_ column: String, _ values: [String]) -> String {
    values.map { "\(column) = \($0)" }.joined(separator: " OR ")
  }
}
