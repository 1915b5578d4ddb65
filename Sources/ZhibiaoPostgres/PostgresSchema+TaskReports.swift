extension PostgresSchema {
  /// Progress reports on the plan's key tasks and the log of their steps (see the SQLite store's
  /// version 9).
  static let taskReports = PostgresMigration(
    identifier: "v9-task-reports",
    statements: [
      """
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
        reported_at TIMESTAMPTZ NOT NULL,
        source TEXT NOT NULL,
        reviewed_by TEXT,
        reviewed_at TIMESTAMPTZ,
        review_comment TEXT,
        CHECK (review <> 'returned' OR review_comment IS NOT NULL),
        PRIMARY KEY (plan, task, org, year, quarter)
      )
      """,
      """
      CREATE TABLE task_report_event (
        sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
        at TIMESTAMPTZ NOT NULL,
        source TEXT NOT NULL,
        comment TEXT,
        FOREIGN KEY (plan, task, org, year, quarter) REFERENCES task_report (plan, task, org, year, quarter)
      )
      """,
      "CREATE INDEX task_report_event_by_report ON task_report_event (plan, task, org)",
      """
      CREATE FUNCTION task_report_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the log of task reports is append-only: it cannot be %', lower(TG_OP) || 'd';
      END
      $$
      """,
      """
      CREATE TRIGGER task_report_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON task_report_event
      FOR EACH STATEMENT EXECUTE FUNCTION task_report_event_append_only()
      """,
    ])

  /// The tables kept append-only by a trigger, with the trigger's name: a whole-store
  /// replacement disables them for its own transaction only.
  static let appendOnly = [
    ("audit_log", "audit_log_append_only"), ("task_report_event", "task_report_event_append_only"),
  ]
}
