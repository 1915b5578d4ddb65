/// A check that only one domain knows to make, run on the loaded plan before it is frozen.
public struct DomainCheck: Sendable {
  /// A short id, `<domain>.<what_it_checks>`.
  public let id: String
  /// What it checks, in one sentence.
  public let summary: LocalizedText
  /// Runs the check; returns the problems found.
  public let run: @Sendable (Plan) -> [Diagnostic]

  /// Declares a check.
  public init(id: String, summary: LocalizedText, run: @escaping @Sendable (Plan) -> [Diagnostic]) {
    self.id = id
    self.summary = summary
    self.run = run
  }
}
