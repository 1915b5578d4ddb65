extension Schema {
  /// Version 9: progress reports on the plan's key tasks (重点任务进展), one per task × org ×
  /// quarter, with their review, and the log of every step they took.
  ///
  /// - `task_report` holds each report as it stands: status (`not_started`, `in_progress`,
  ///   `completed`, `lagging`), an optional whole percentage, text, evidence, where it is in its
  ///   review and its revision.
  /// - `task_report_event` records every submission (a new revision) and review in the
  ///   transaction that makes it; triggers refuse to change or delete it.
  static let taskReports = SchemaMigration(
    identifier: "v9-task-reports",
    sql: """
      CREATE TABLE task_report (
        plan TEXT NOT NULL CHECK (plan <> ''),
        task TEXT NOT NULL CHECK (task <> ''),
        org TEXT NOT NULL CHECK (org <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed', 'lagging')),
        progress INTEGER CHECK (progress BETWEEN 0 AND 100),
        text TEXT NOT NULL CHECK (text <> ''),
        evidence TEXT,
        review TEXT NOT NULL CHECK (review IN ('submitted', 'approved', 'returned')),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        reported_by TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        reviewed_by TEXT,
        reviewed_at TEXT,
        review_comment TEXT,
        CHECK (review <> 'returned' OR review_comment IS NOT NULL),
        PRIMARY KEY (plan, task, org, year, quarter)
      ) WITHOUT ROWID;
      CREATE TABLE task_report_event (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        plan TEXT NOT NULL,
        task TEXT NOT NULL,
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return')),
        status TEXT NOT NULL,
        progress INTEGER,
        text TEXT NOT NULL,
        evidence TEXT,
        review TEXT NOT NULL,
        revision INTEGER NOT NULL,
        actor_org TEXT NOT NULL CHECK (actor_org <> ''),
        actor_role TEXT NOT NULL CHECK (actor_role IN ('district', 'bureau', 'commission', 'admin', 'viewer')),
        actor_user TEXT,
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        comment TEXT,
        FOREIGN KEY (plan, task, org, year, quarter) REFERENCES task_report (plan, task, org, year, quarter)
      );
      CREATE INDEX task_report_event_by_report ON task_report_event (plan, task, org);
      CREATE TRIGGER task_report_event_no_update BEFORE UPDATE ON task_report_event
      BEGIN SELECT RAISE(ABORT, 'the log of task reports is append-only: it cannot be updated'); END;
      \(taskReportEventNoDelete);
      """)

  /// The trigger that refuses deletes from the log of task reports.
  static let taskReportEventNoDelete = """
    CREATE TRIGGER task_report_event_no_delete BEFORE DELETE ON task_report_event
    BEGIN SELECT RAISE(ABORT, 'the log of task reports is append-only: it cannot be deleted'); END
    """

  /// The triggers that keep the logs append-only against deletes, by name, with the statement that
  /// creates each: a whole-store replacement drops them for its own transaction only.
  static let appendOnlyDeletes = [
    ("audit_log_no_delete", auditLogNoDelete), ("task_report_event_no_delete", taskReportEventNoDelete),
  ]
}
