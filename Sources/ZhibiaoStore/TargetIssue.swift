import Crypto
import Foundation
import ZhibiaoKernel

/// An issued target version (下达的目标版本): a year's target book frozen in the store as the
/// commission issued it, under a document number. Once issued, its figures never move: editing
/// the configuration later changes the book the configuration decomposes, not what was issued.
/// An adjustment (调整) is a later version of the same year, with a reason.
public struct TargetIssue: Hashable, Sendable {
  /// The plan.
  public var plan: PlanID
  /// The version, numbered from 1 in the order issued, across the plan's years.
  public var version: Int
  /// The year whose targets it holds (every period of the year, quarters included).
  public var year: Int
  /// The document that issued it, e.g. 杭服领〔2025〕1号.
  public var document: String
  /// The date on the document, `YYYY-MM-DD`.
  public var issuedOn: String
  /// Why an adjustment was made; nil for the year's first version.
  public var reason: String?
  /// The SHA-256 of the version's canonical content (``TargetIssue/canonicalText(plan:year:entries:)``),
  /// in lowercase hex.
  public var hash: String
  /// How many targets it holds.
  public var entryCount: Int
  /// The org that issued it, the role it acted in, the signed-in account (nil from the command
  /// line) and when it was recorded.
  public var issuedBy: OrgID
  public var issuedRole: Role
  public var issuedUser: String?
  public var recordedAt: Date

  /// Creates an issue as the store holds it.
  public init(
    plan: PlanID, version: Int, year: Int, document: String, issuedOn: String, reason: String?, hash: String,
    entryCount: Int, issuedBy: OrgID, issuedRole: Role, issuedUser: String?, recordedAt: Date
  ) {
    self.plan = plan
    self.version = version
    self.year = year
    self.document = document
    self.issuedOn = issuedOn
    self.reason = reason
    self.hash = hash
    self.entryCount = entryCount
    self.issuedBy = issuedBy
    self.issuedRole = issuedRole
    self.issuedUser = issuedUser
    self.recordedAt = recordedAt
  }

  /// Whether it adjusts an earlier version of its year.
  public var isAdjustment: Bool { reason != nil }

  /// How documents cite it.
  public var citation: TargetCitation {
    TargetCitation(
      year: year, version: version, document: document, issuedOn: issuedOn, hash: hash, isAdjustment: isAdjustment)
  }

  // MARK: - Canonical content

  /// The version's content in one canonical text, from which its hash is taken: a first line
  /// `zhibiao-targets/1 PLAN YEAR`, then one line per target ordered by indicator, org and
  /// period (the year before its quarters), with tab-separated fields — indicator, org, period,
  /// value, comparator, measure, partner, method, seasonal share, `city` or `district` — where an
  /// absent field is empty and a decimal is written with exactly its digits. The same targets give
  /// the same text and hash on every run and in either store.
  public static func canonicalText(plan: PlanID, year: Int, entries: [TargetBook.Entry]) -> String {
    let lines = entries.sorted(by: Self.canonicalOrder).map { entry in
      [
        entry.indicator.rawValue, entry.org.rawValue, "\(entry.period)", entry.value.map(Stored.text) ?? "",
        entry.comparator?.rawValue ?? "", entry.measure.rawValue, entry.partner?.rawValue ?? "",
        entry.method.rawValue, entry.seasonalShare.map(Stored.text) ?? "", entry.isCity ? "city" : "district",
      ].joined(separator: "\t")
    }
    return (["zhibiao-targets/1 \(plan) \(year)"] + lines).joined(separator: "\n") + "\n"
  }

  /// The SHA-256 of ``canonicalText(plan:year:entries:)`` in lowercase hex.
  public static func hash(plan: PlanID, year: Int, entries: [TargetBook.Entry]) -> String {
    SHA256.hash(data: Data(canonicalText(plan: plan, year: year, entries: entries).utf8))
      .map { String(format: "%02x", $0) }.joined()
  }

  /// Indicator, org, then the year before its quarters.
  static func canonicalOrder(_ a: TargetBook.Entry, _ b: TargetBook.Entry) -> Bool {
    if a.indicator != b.indicator { return a.indicator.rawValue < b.indicator.rawValue }
    if a.org != b.org { return a.org.rawValue < b.org.rawValue }
    if a.period.year != b.period.year { return a.period.year < b.period.year }
    return (a.period.quarter ?? 0) < (b.period.quarter ?? 0)
  }
}

/// A request to issue a year's targets, checked by ``TargetIssueFiling/check(against:)`` before
/// the store numbers it.
public struct TargetIssueFiling: Sendable {
  public var plan: PlanID
  public var year: Int
  public var document: String
  public var issuedOn: String
  /// Required for an adjustment (a year issued before), refused otherwise.
  public var reason: String?
  /// The year's targets: every entry of the book whose period lies in `year`.
  public var entries: [TargetBook.Entry]
  public var issuer: OrgID
  public var role: Role
  public var user: String?
  public var time: Date

  /// Creates a filing; text fields are trimmed, and an empty reason is none.
  public init(
    plan: PlanID, year: Int, document: String, issuedOn: String, reason: String?, entries: [TargetBook.Entry],
    by issuer: OrgID, role: Role, user: String? = nil, at time: Date
  ) {
    self.plan = plan
    self.year = year
    self.document = document.trimmingCharacters(in: .whitespacesAndNewlines)
    self.issuedOn = issuedOn
    let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
    self.reason = reason?.isEmpty == false ? reason : nil
    self.entries = entries
    self.issuer = issuer
    self.role = role
    self.user = user
    self.time = time
  }

  /// The hash of the filing's targets.
  public var hash: String { TargetIssue.hash(plan: plan, year: year, entries: entries) }

  /// Refuses the filing against the versions issued before (`issued`, every year's): only the
  /// commission issues; the year must have targets and a document number, a date that is a real
  /// day; a document number names one version only; a year issued before needs a reason, and its
  /// adjustment must change something; the year's first version takes no reason.
  public func check(against issued: [TargetIssue]) -> ReviewRefusal? {
    guard role == .commission else {
      return ReviewRefusal(
        .forbidden, .issueTargets, zh: "只有市发改委可以下达目标，\(issuer) 不能。",
        en: "Only the commission issues targets; \(issuer) cannot.")
    }
    guard !document.isEmpty else {
      return ReviewRefusal(
        .conflict, .issueTargets, zh: "下达目标须写明文号（--doc）。", en: "Issuing targets needs a document number (--doc).")
    }
    guard Self.isDay(issuedOn) else {
      return ReviewRefusal(
        .conflict, .issueTargets, zh: "下达日期“\(issuedOn)”不是有效日期（格式 YYYY-MM-DD）。",
        en: "The issue date '\(issuedOn)' is not a day (YYYY-MM-DD).")
    }
    guard !entries.isEmpty, entries.allSatisfy({ $0.period.year == year }) else {
      return ReviewRefusal(
        .conflict, .issueTargets, zh: "目标分解表中没有 \(year) 年的目标，无可下达。",
        en: "The target book has no targets for \(year); there is nothing to issue.")
    }
    if let used = issued.first(where: { $0.document == document }) {
      return ReviewRefusal(
        .conflict, .issueTargets, zh: "文号《\(document)》已用于第\(used.version)版（\(used.year) 年），不能再用。",
        en: "The document number \(document) was used for version \(used.version) (\(used.year)) already.")
    }
    let earlier = issued.filter { $0.year == year }.max { $0.version < $1.version }
    switch (earlier, reason) {
    case (let earlier?, nil):
      return ReviewRefusal(
        .conflict, .issueTargets,
        zh: "\(year) 年目标已于第\(earlier.version)版下达；调整须说明理由（--reason）。",
        en: "The \(year) targets were issued as version \(earlier.version); an adjustment needs a reason (--reason).")
    case (let earlier?, _?) where earlier.hash == hash:
      return ReviewRefusal(
        .conflict, .issueTargets, zh: "目标与已下达的第\(earlier.version)版完全相同，无需调整。",
        en: "The targets are the same as version \(earlier.version) as issued; there is nothing to adjust.")
    case (nil, _?):
      return ReviewRefusal(
        .conflict, .issueTargets, zh: "\(year) 年目标尚未下达，首次下达不附调整理由。",
        en: "The \(year) targets have not been issued; a first issue takes no reason.")
    default:
      return nil
    }
  }

  /// Whether `text` is a day of the Gregorian calendar written `YYYY-MM-DD`.
  static func isDay(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
      day >= 1
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return day <= days
  }
}

/// The targets in force: for each year issued, its latest version replaces the configuration's
/// targets of that year; a year never issued keeps the configuration's.
public struct IssuedTargets: Sendable {
  /// The version in force per year.
  public let inForce: [Int: TargetIssue]
  /// The targets of the versions in force.
  public let entries: [TargetBook.Entry]

  /// Creates the set from the versions in force and their targets.
  public init(inForce: [Int: TargetIssue], entries: [TargetBook.Entry]) {
    self.inForce = inForce
    self.entries = entries
  }

  /// No version issued.
  public static let none = IssuedTargets(inForce: [:], entries: [])

  /// Reads from `store` the version in force of each year of `plan`.
  public static func read(plan: PlanID, from store: any Store) async throws -> IssuedTargets {
    try await read(plan: plan, issues: store.targetIssues(plan: plan), from: store)
  }

  /// Reads from `store` the targets of the version in force of each year among `issues`, the
  /// plan's versions as the store lists them.
  public static func read(plan: PlanID, issues: [TargetIssue], from store: any Store) async throws -> IssuedTargets {
    var latest: [Int: TargetIssue] = [:]
    for issue in issues where issue.version > latest[issue.year]?.version ?? 0 { latest[issue.year] = issue }
    var entries: [TargetBook.Entry] = []
    for year in latest.keys.sorted() {
      entries += try await store.issuedTargets(plan: plan, version: latest[year]!.version)
    }
    return IssuedTargets(inForce: latest, entries: entries)
  }

  /// `book` with the targets of every issued year replaced by the version in force, in the
  /// book's order; an issued target the configuration no longer has follows the book's.
  public func applied(to book: TargetBook) -> TargetBook {
    guard !inForce.isEmpty else { return book }
    typealias Key = TargetKey
    var issued = Dictionary(entries.map { (Key($0), $0) }, uniquingKeysWith: { first, _ in first })
    var result: [TargetBook.Entry] = []
    result.reserveCapacity(book.entries.count)
    for entry in book.entries {
      guard inForce[entry.period.year] != nil else {
        result.append(entry)
        continue
      }
      if let replacement = issued.removeValue(forKey: Key(entry)) { result.append(replacement) }
    }
    result += entries.filter { issued[Key($0)] != nil }
    return TargetBook(entries: result, notes: book.notes, problems: book.problems)
  }

  /// What identifies a target in a book: indicator, org and period.
  package struct TargetKey: Hashable {
    var indicator: IndicatorID
    var org: OrgID
    var period: Period

    init(_ entry: TargetBook.Entry) {
      (indicator, org, period) = (entry.indicator, entry.org, entry.period)
    }
  }
}
