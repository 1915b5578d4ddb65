import Foundation
import ZhibiaoKernel

/// The configuration of the next plan, written from the one before it (`zhibiao plan new`): the
/// same goals, domains, areas, indicators and tasks, its years moved on, the orgs shared with the
/// configuration's own plan, every target left to be set (`value: ~`, which `validate` lists), and
/// the base-year figures carried over from the previous plan's year-end figures in the store.
///
/// The files are edited as text, line by line, so that their comments and layout stay as the
/// bureaus wrote them: what the previous plan's own words were (`quotes:`) and its dated
/// milestones go, since the next plan's text and milestones are its own.
public struct SuccessorPlan: Sendable {
  /// The new plan's id, which names its folder.
  public var id: String
  /// Its base year (the previous plan's target year) and target year.
  public var baseYear: Int
  public var targetYear: Int

  /// The previous plan's assessment scheme, kept beside the new plan's files until it is adopted.
  public static let previousSchemeFile = "assessment.previous.yaml"

  /// The file that says which indicator of the previous plan each indicator continues.
  public static let continuesFile = "continues.yaml"

  public init(id: String, baseYear: Int, targetYear: Int) {
    self.id = id
    self.baseYear = baseYear
    self.targetYear = targetYear
  }

  /// The plan file: the new id, years and name (the years appended), without the `orgs:`
  /// section (the orgs are shared), and its indicators' targets moved to the target year, unset.
  public func planFile(_ text: String) -> String {
    var lines = Self.dropping(["orgs"], atIndent: 0, from: Self.lines(text))
    var inPlan = false
    var named: Set<String> = []
    for index in lines.indices {
      let line = lines[index]
      if Self.indent(of: line) == 0, !line.hasPrefix("#"), !line.isEmpty { inPlan = line.hasPrefix("plan:") }
      guard inPlan else { continue }
      let trimmed = line.drop { $0 == " " }
      let pad = String(repeating: " ", count: Self.indent(of: line))
      if trimmed.hasPrefix("id:") {
        lines[index] = pad + "id: \(id)"
      } else if trimmed.hasPrefix("base_year:") {
        lines[index] = pad + "base_year: \(baseYear)"
      } else if trimmed.hasPrefix("target_year:") {
        lines[index] = pad + "target_year: \(targetYear)"
      } else if trimmed.hasPrefix("zh:"), !named.contains("zh") {
        named.insert("zh")
        lines[index] = line + "（\(baseYear + 1)—\(targetYear)年）"
      } else if trimmed.hasPrefix("en:"), !named.contains("en") {
        named.insert("en")
        lines[index] = line + " (\(baseYear + 1)–\(targetYear))"
      }
    }
    return Self.text(indicatorsReset(lines))
  }

  /// A domain file: without its `orgs:` section (shared), its targets moved to the target year
  /// and unset, and without the previous plan's quotes and milestones.
  public func domainFile(_ text: String) -> String {
    Self.text(indicatorsReset(Self.dropping(["orgs"], atIndent: 0, from: Self.lines(text))))
  }

  /// Targets moved to the target year with their value unset (a parity keeps its partner), and
  /// no `quotes:` or `milestones:`.
  func indicatorsReset(_ lines: [String]) -> [String] {
    Self.dropping(["quotes", "milestones"], atIndent: nil, from: lines).map { line in
      guard line.contains("comparator:"), line.contains("year:") else { return line }
      var edited = Self.replacingValue(of: "year", with: "\(targetYear)", in: line)
      if !line.contains("comparator: parity") { edited = Self.replacingValue(of: "value", with: "~", in: edited) }
      return edited
    }
  }

  /// `key: anything` up to the next `,` or `}` in a flow mapping, replaced by `key: value`.
  static func replacingValue(of key: String, with value: String, in line: String) -> String {
    guard let range = line.range(of: "\(key): ") else { return line }
    let rest = line[range.upperBound...]
    var end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
    while end > rest.startIndex, rest[rest.index(before: end)] == " " { end = rest.index(before: end) }
    return String(line[..<range.upperBound]) + value + String(rest[end...])
  }

  /// The lines without every `key:` entry named in `keys` (at `indent` only, or at any indent when
  /// nil) and what is nested under it.
  static func dropping(_ keys: [String], atIndent indent: Int?, from lines: [String]) -> [String] {
    var kept: [String] = []
    var skipping: Int?
    for line in lines {
      let depth = Self.indent(of: line)
      let trimmed = line.drop { $0 == " " }
      if let level = skipping {
        let nested = trimmed.isEmpty || depth > level || (depth == level && trimmed.hasPrefix("- "))
        if nested { continue }
        skipping = nil
      }
      if indent == nil || indent == depth, keys.contains(where: { trimmed.hasPrefix("\($0):") }) {
        skipping = depth
        continue
      }
      kept.append(line)
    }
    return kept
  }

  static func indent(of line: some StringProtocol) -> Int { line.prefix { $0 == " " }.count }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  static func text(_ lines: [String]) -> String { lines.joined(separator: "\n") }

  /// The base-year figures of the new plan: for every indicator and org the previous plan's
  /// baselines list, its figure at the end of the previous plan's target year in `figures`
  /// (indicator × org → value), under the indicator `continues` maps it to; those without a
  /// figure are returned apart.
  public func baselines(
    previous: Plan, listed: [Baseline], figures: [IndicatorID: [OrgID: Decimal]], continues: [IndicatorID: IndicatorID]
  ) -> (csv: String, missing: [(indicator: IndicatorID, org: OrgID)]) {
    var lines = [
      "# Zhibiao baselines of the plan \(id): the figures of the base year \(baseYear) by indicator and org.",
      "# 基期值取自上一规划（\(previous.id)）在数据库中的\(baseYear)年末数（basis 为 previous_plan，source 注明出处）；"
        + "原规划的示例数据仍为示意值，不得引用。",
      "# Carried over from the previous plan's (\(previous.id)) year-end figures of \(baseYear) in the store "
        + "(basis previous_plan, source says where); figures that were illustrative there still are.",
      "indicator,org,year,value,basis,source",
    ]
    var missing: [(indicator: IndicatorID, org: OrgID)] = []
    var seen: Set<[String]> = []
    for baseline in listed {
      guard let next = continues[baseline.indicator], seen.insert([next.rawValue, baseline.org.rawValue]).inserted
      else { continue }
      guard let value = figures[baseline.indicator]?[baseline.org] else {
        missing.append((next, baseline.org))
        continue
      }
      let source = "\(previous.id) \(baseYear) year-end (\(baseline.indicator))"
      lines.append("\(next),\(baseline.org),\(baseYear),\(value),\(Baseline.Basis.previousPlan.rawValue),\(source)")
    }
    return (lines.joined(separator: "\n") + "\n", missing)
  }

  /// The continuation file: each indicator of the previous plan and the one it continues as
  /// (itself at first; `~` for one retired), which `plan baselines` reads.
  public func continuesFile(previous: Plan) -> String {
    var lines = [
      "# 接续关系：上一规划（\(previous.id)）的每项指标在本规划中接续为哪项指标；~ 表示不再沿用。",
      "# Which indicator of the previous plan (\(previous.id)) each continues as in this plan; ~ for one retired.",
      "# Edit it when an indicator is renamed, merged or retired, then run: zhibiao plan baselines --plan \(id)",
      "previous_plan: \(previous.id)",
      "continues:",
    ]
    for indicator in previous.indicators { lines.append("  \(indicator.id): \(indicator.id)") }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension SuccessorPlan {
  /// What `write` wrote.
  public struct Written: Sendable {
    /// Files written.
    public var files: Int
    /// Base-year figures carried over.
    public var baselines: Int
    /// Indicators and orgs of the previous plan's baselines without a figure in the store.
    public var missing: [(indicator: IndicatorID, org: OrgID)]
  }

  /// Writes the new plan's folder `folder` from the previous plan's folder `previousFolder`:
  /// whole or not at all (written beside it first, then moved into place); refused when
  /// `folder` exists.
  public func write(
    previous: Plan, baselines: [Baseline], figures: [IndicatorID: [OrgID: Decimal]], from previousFolder: URL,
    to folder: URL
  ) throws -> Written {
    let files = FileManager.default
    guard !files.fileExists(atPath: folder.path) else { throw CocoaError(.fileWriteFileExists) }
    let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).new")
    try? files.removeItem(at: staging)
    try files.createDirectory(at: staging.appendingPathComponent("domains"), withIntermediateDirectories: true)
    defer { try? files.removeItem(at: staging) }
    var count = 0
    func put(_ text: String, _ name: String) throws {
      try Data(text.utf8).write(to: staging.appendingPathComponent(name))
      count += 1
    }
    func read(_ name: String) throws -> String {
      try String(contentsOf: previousFolder.appendingPathComponent(name), encoding: .utf8)
    }
    try put(planFile(read("plan.yaml")), "plan.yaml")
    let domains = try files.contentsOfDirectory(atPath: previousFolder.appendingPathComponent("domains").path)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    for name in domains { try put(domainFile(read("domains/\(name)")), "domains/\(name)") }
    if files.fileExists(atPath: previousFolder.appendingPathComponent(ReportLayout.file).path) {
      try put(read(ReportLayout.file), ReportLayout.file)
    }
    // The scheme scores targets the new plan does not have yet: it is kept beside, for the
    // commission to adopt (renamed assessment.yaml) once the targets are set.
    if files.fileExists(atPath: previousFolder.appendingPathComponent(ValidationReport.schemeFile).path) {
      try put(
        "# 上一规划的考核办法，供参考：目标填写后由市发改委确认，改名为 assessment.yaml 即启用。\n"
          + "# The previous plan's assessment scheme, for reference: once the targets are set, the commission adopts "
          + "it by renaming it assessment.yaml.\n" + read(ValidationReport.schemeFile), Self.previousSchemeFile)
    }
    let continues = Dictionary(uniqueKeysWithValues: previous.indicators.map { ($0.id, $0.id) })
    let carried = self.baselines(previous: previous, listed: baselines, figures: figures, continues: continues)
    try put(carried.csv, "baselines.csv")
    try put(continuesFile(previous: previous), Self.continuesFile)
    try files.moveItem(at: staging, to: folder)
    let rows = carried.csv.split(separator: "\n").filter { !$0.hasPrefix("#") }.count - 1
    return Written(files: count, baselines: rows, missing: carried.missing)
  }
}
