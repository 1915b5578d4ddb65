import Foundation
import ZhibiaoPlan

/// One bonus (加分), deduction (扣分) or veto (一票否决) the commission records for an org's
/// assessment, as it is entered in the web app rather than written in the events file.
public struct AssessmentEventEntry: Hashable, Sendable {
  /// Which kind of event.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    case bonus, deduction, veto

    public var name: LocalizedText {
      switch self {
      case .bonus: LocalizedText(zh: "加分", en: "bonus")
      case .deduction: LocalizedText(zh: "扣分", en: "deduction")
      case .veto: LocalizedText(zh: "一票否决", en: "veto")
      }
    }
  }

  public var kind: Kind
  public var org: OrgID
  /// The scheme's category, if it names one.
  public var category: String?
  /// The points, above zero; nil for a veto (and, before the check, for a category that sets them).
  public var points: Decimal?
  /// Why, in a sentence.
  public var reason: String

  public init(kind: Kind, org: OrgID, category: String? = nil, points: Decimal? = nil, reason: String) {
    self.kind = kind
    self.org = org
    self.category = category
    self.points = points
    self.reason = reason
  }
}

extension AssessmentEvents {
  /// `entry` checked as a row of the events file is checked — the org assessed by the scheme,
  /// the category known, the points positive or set by the category, a reason given — with its
  /// points settled; or the problems, each in a sentence.
  public static func check(_ entry: AssessmentEventEntry, plan: Plan, scheme: AssessmentScheme) -> Result<
    AssessmentEventEntry, ConfigurationErrors
  > {
    let here = SourceLocation(file: "form", line: 1, column: 1)
    func scalar(_ text: String, _ style: Node.ScalarStyle = .doubleQuoted) -> Node {
      Node(.scalar(text, style), at: here)
    }
    var fields: [Node.Entry] = [Node.Entry(key: "org", keyLocation: here, value: scalar(entry.org.rawValue))]
    if let category = entry.category, !category.isEmpty {
      fields.append(Node.Entry(key: "category", keyLocation: here, value: scalar(category)))
    }
    if let points = entry.points {
      fields.append(Node.Entry(key: "points", keyLocation: here, value: scalar("\(points)", .plain)))
    }
    if !entry.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      fields.append(Node.Entry(key: "reason", keyLocation: here, value: scalar(entry.reason)))
    }
    let item = Node(.mapping(fields), at: here)
    let log = DiagnosticLog()
    let decoder = EventsDecoder(log: log, plan: plan, scheme: scheme)
    let list = NodeReader(Node(.sequence([item]), at: here), keyPath: entry.kind.rawValue, log: log)
    var checked = entry
    switch entry.kind {
    case .bonus: checked.points = decoder.adjustments(list, what: "bonus", policy: \.bonus).first?.points
    case .deduction: checked.points = decoder.adjustments(list, what: "deduction", policy: \.deduction).first?.points
    case .veto:
      checked.points = nil
      _ = decoder.vetoes(list)
    }
    let problems = log.diagnostics.filter { $0.severity == .error }
    return problems.isEmpty && (entry.kind == .veto || checked.points != nil)
      ? .success(checked) : .failure(ConfigurationErrors(problems))
  }

  /// Adds `entry` (checked) to the events.
  public mutating func add(_ entry: AssessmentEventEntry) {
    switch entry.kind {
    case .bonus:
      bonuses.append(
        Adjustment(org: entry.org, category: entry.category, points: entry.points ?? 0, reason: entry.reason))
    case .deduction:
      deductions.append(
        Adjustment(org: entry.org, category: entry.category, points: entry.points ?? 0, reason: entry.reason))
    case .veto: vetoes.append(Veto(org: entry.org, category: entry.category, reason: entry.reason))
    }
  }
}
