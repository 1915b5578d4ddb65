import Foundation
import Testing

/// One way to break a Markdown report, and the check that must notice it.
enum ReportBreakage: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case districtPageMissing
  case sectionsSwapped
  case cellMissing
  case alignmentRowMissing
  case textInNumericColumn
  case figureChanged
  case figureMissing
  case rankingRowsSwapped
  case bureauRankingRowMissing
  case pageRankChanged
  case scorecardMissing

  var testDescription: String { rawValue }

  /// The check that must report the breakage.
  var check: MarkdownReport.Check {
    switch self {
    case .districtPageMissing, .sectionsSwapped: .sections
    case .cellMissing, .alignmentRowMissing, .textInNumericColumn: .tables
    case .figureChanged, .figureMissing: .figures
    case .rankingRowsSwapped, .bureauRankingRowMissing: .ranking
    case .pageRankChanged, .scorecardMissing: .pages
    }
  }

  /// The report's text broken this way; nil when the report has nothing to break.
  func apply(to report: MarkdownReport) -> String? {
    var lines = report.lines
    let headings = lines.indices.filter { lines[$0].hasPrefix("## ") }
    /// The range of lines of the section whose heading starts with `prefix`, heading included.
    func section(_ prefix: String) -> Range<Int>? {
      guard let start = headings.first(where: { lines[$0].hasPrefix("## \(prefix)") }) else { return nil }
      return start..<(headings.first { $0 > start } ?? lines.endIndex)
    }
    /// The index of the first line after `start` that satisfies `test`.
    func first(after start: Int = 0, _ test: (String) -> Bool) -> Int? {
      lines.indices.first { $0 >= start && test(lines[$0]) }
    }
    switch self {
    case .districtPageMissing:
      guard let page = section("六-2、") else { return nil }
      lines.removeSubrange(page)
    case .sectionsSwapped:
      guard headings.count > 2 else { return nil }
      let first = Array(lines[headings[0]..<headings[1]])
      let second = Array(lines[headings[1]..<headings[2]])
      lines.replaceSubrange(headings[0]..<headings[2], with: second + first)
    case .cellMissing:
      guard let separator = first({ $0.hasPrefix("| ---") }), separator + 1 < lines.count else { return nil }
      lines[separator + 1] = lines[separator + 1].replacingOccurrences(
        of: #"\| [^|]* \|$"#, with: "|", options: .regularExpression)
    case .alignmentRowMissing:
      guard let separator = first({ $0.hasPrefix("| ---") }) else { return nil }
      lines.remove(at: separator)
    case .textInNumericColumn:
      guard let separator = first({ $0.hasPrefix("| ---") && $0.contains("---:") }) else { return nil }
      let column = MarkdownReport.Table.cells(lines[separator]).firstIndex(of: "---:")!
      var cells = MarkdownReport.Table.cells(lines[separator + 1])
      cells[column] = "约三成"
      lines[separator + 1] = "| " + cells.joined(separator: " | ") + " |"
    case .figureChanged:
      guard let figure = first({ $0.hasPrefix("- ") && $0.hasSuffix("**") }),
        let match = lines[figure].firstMatch(of: #/\*\*([0-9]+)/#), let value = Int(match.output.1)
      else { return nil }
      lines[figure] = lines[figure].replacingOccurrences(of: "**\(value)", with: "**\(value + 1)")
    case .figureMissing:
      guard let figure = first({ $0.hasPrefix("- ") && $0.hasSuffix("**") }) else { return nil }
      lines.remove(at: figure)
    case .rankingRowsSwapped:
      guard let ranking = section("三、"), let table = first(after: ranking.lowerBound, { $0.hasPrefix("| ---") })
      else { return nil }
      lines.swapAt(table + 1, table + 2)
    case .bureauRankingRowMissing:
      guard let heading = first({ $0 == "### 牵头部门" }), let table = first(after: heading, { $0.hasPrefix("| ---") })
      else { return nil }
      lines.remove(at: table + 1)
    case .pageRankChanged:
      guard let page = section("六-1、"), let opening = first(after: page.lowerBound, { $0.hasPrefix("综合灯色：") }) else {
        return nil
      }
      let changed = lines[opening].replacingOccurrences(of: #"第 [0-9]+ 名"#, with: "第 99 名", options: .regularExpression)
      guard changed != lines[opening] else { return nil }
      lines[opening] = changed
    case .scorecardMissing:
      guard let page = section("六-1、"), let heading = first(after: page.lowerBound, { $0 == "### 考核评分表" }) else {
        return nil
      }
      lines.remove(at: heading)
    }
    return lines.joined(separator: "\n")
  }
}
