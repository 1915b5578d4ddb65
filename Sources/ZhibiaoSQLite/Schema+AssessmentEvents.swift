extension Schema {
  /// Version 12: the bonuses, deductions and vetoes the commission records for a year's
  /// assessment (`assessment_event`), numbered by the store; an event is withdrawn with a reason,
  /// never changed or deleted — a trigger allows no update but the one withdrawal.
  static let assessmentEvents = SchemaMigration(
    identifier: "v12-assessment-events",
    sql: """
      CREATE TABLE assessment_event (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan TEXT NOT NULL CHECK (plan <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        kind TEXT NOT NULL CHECK (kind IN ('bonus', 'deduction', 'veto')),
        org TEXT NOT NULL CHECK (org <> ''),
        category TEXT,
        points TEXT,
        reason TEXT NOT NULL CHECK (reason <> ''),
        entered_by TEXT NOT NULL,
        entered_role TEXT NOT NULL,
        entered_user TEXT,
        entered_at TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT,
        withdrawal_reason TEXT,
        CHECK ((kind = 'veto') = (points IS NULL)),
        CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      );
      CREATE INDEX assessment_event_by_year ON assessment_event (plan, year);
      CREATE TRIGGER assessment_event_kept BEFORE UPDATE ON assessment_event
      WHEN OLD.withdrawn_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.plan IS NOT OLD.plan
        OR NEW.year IS NOT OLD.year OR NEW.kind IS NOT OLD.kind OR NEW.org IS NOT OLD.org
        OR NEW.category IS NOT OLD.category OR NEW.points IS NOT OLD.points OR NEW.reason IS NOT OLD.reason
        OR NEW.entered_at IS NOT OLD.entered_at
      BEGIN SELECT RAISE(ABORT, 'an assessment event is only ever withdrawn, once'); END;
      """)
}
