extension PostgresSchema {
  /// The commission's assessment events (see the SQLite store's version 12).
  static let assessmentEvents = PostgresMigration(
    identifier: "v12-assessment-events",
    statements: [
      """
      CREATE TABLE assessment_event (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        plan TEXT NOT NULL CHECK (plan <> ''),
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
        kind TEXT NOT NULL CHECK (kind IN ('bonus', 'deduction', 'veto')),
        org TEXT NOT NULL CHECK (org <> ''),
        category TEXT,
        points NUMERIC,
        reason TEXT NOT NULL CHECK (reason <> ''),
        entered_by TEXT NOT NULL,
        entered_role TEXT NOT NULL,
        entered_user TEXT,
        entered_at TIMESTAMPTZ NOT NULL,
        withdrawn_at TIMESTAMPTZ,
        withdrawn_by TEXT,
        withdrawal_reason TEXT,
        CHECK ((kind = 'veto') = (points IS NULL)),
        CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
      )
      """,
      "CREATE INDEX assessment_event_by_year ON assessment_event (plan, year)",
      """
      CREATE FUNCTION assessment_event_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.withdrawn_at IS NOT NULL OR NEW.id IS DISTINCT FROM OLD.id OR NEW.plan IS DISTINCT FROM OLD.plan
          OR NEW.year IS DISTINCT FROM OLD.year OR NEW.kind IS DISTINCT FROM OLD.kind
          OR NEW.org IS DISTINCT FROM OLD.org OR NEW.category IS DISTINCT FROM OLD.category
          OR NEW.points IS DISTINCT FROM OLD.points OR NEW.reason IS DISTINCT FROM OLD.reason
          OR NEW.entered_at IS DISTINCT FROM OLD.entered_at THEN
          RAISE EXCEPTION 'an assessment event is only ever withdrawn, once';
        END IF;
        RETURN NEW;
      END
      $$
      """,
      """
      CREATE TRIGGER assessment_event_kept BEFORE UPDATE ON assessment_event
      FOR EACH ROW EXECUTE FUNCTION assessment_event_kept()
      """,
    ])
}
