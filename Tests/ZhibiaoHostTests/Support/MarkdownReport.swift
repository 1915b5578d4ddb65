import Foundation

/// The Markdown report read back into its sections and tables, with the structural checks the
/// report tests make. Each check returns what it found wrong, so that a test can show that the
/// check fails on a broken report as well as passes on the real one.
struct MarkdownReport {
  /// The structural checks, by what they look at.
  enum Check: String, Sendable {
    case sections, tables, figures, ranking, pages
  }

  /// A `## ` section: its title and the lines up to the next one.
  struct Section {
    let title: String
    let lines: [String]

    /// The section as it stands in the report, heading included.
    var text: String { (["## \(title)"] + lines).joined(separator: "\n") }

    /// The `### ` subheadings, in order.
    var subheadings: [String] { lines.filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) } }

    /// The tables, in order.
    var tables: [Table] { Table.all(in: lines) }

    /// The tables that follow the subheading `heading`, up to the next subheading.
    func tables(under heading: String) -> [Table] {
      guard let start = lines.firstIndex(of: "### \(heading)") else { return [] }
      let rest = lines[(start + 1)...]
      let end = rest.firstIndex { $0.hasPrefix("### ") } ?? rest.endIndex
      return Table.all(in: Array(rest[..<end]))
    }
  }

  /// A Markdown table: consecutive lines that start with `|`.
  struct Table {
    /// Every line of the table, split into cells.
    let lines: [[String]]

    var header: [String] { lines.first ?? [] }
    var alignments: [String] { lines.count > 1 ? lines[1] : [] }
    var rows: [[String]] { Array(lines.dropFirst(2)) }

    /// The cells of a table line; `\|` is a bar inside a cell.
    static func cells(_ line: String) -> [String] {
      var cells: [String] = []
      var cell = ""
      var escaped = false
      for character in line.trimmingCharacters(in: .whitespaces).dropFirst() {
        if character == "|" && !escaped {
          cells.append(cell.trimmingCharacters(in: .whitespaces))
          cell = ""
        } else {
          cell.append(character)
        }
        escaped = character == "\\"
      }
      if !cell.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(cell.trimmingCharacters(in: .whitespaces)) }
      return cells
    }

    static func all(in lines: [String]) -> [Table] {
      var tables: [Table] = []
      var current: [[String]] = []
      for line in lines + [""] {
        if line.hasPrefix("|") {
          current.append(cells(line))
        } else if !current.isEmpty {
          tables.append(Table(lines: current))
          current = []
        }
      }
      return tables
    }
  }

  /// The report's lines.
  let lines: [String]
  /// The `# ` title.
  let title: String?
  /// The `## ` sections, in order.
  let sections: [Section]

  init(_ text: String) {
    lines = text.components(separatedBy: "\n")
    title = lines.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
    var sections: [Section] = []
    var heading: String?
    var body: [String] = []
    for line in lines + ["## "] where line.hasPrefix("## ") || heading != nil {
      if line.hasPrefix("## ") {
        if let heading { sections.append(Section(title: heading, lines: body)) }
        heading = String(line.dropFirst(3))
        body = []
      } else {
        body.append(line)
      }
    }
    self.sections = sections
  }

  /// The section titled `title`.
  func section(_ title: String) -> Section? {
    sections.first { $0.title == title }
  }

  // MARK: - Checks

  /// The sections are exactly `expected`, in that order.
  func sectionProblems(expected: [String]) -> [String] {
    let titles = sections.map(\.title)
    guard titles != expected else { return [] }
    var problems = expected.filter { !titles.contains($0) }.map { "missing section '\($0)'" }
    problems += titles.filter { !expected.contains($0) }.map { "unexpected section '\($0)'" }
    if problems.isEmpty { problems.append("sections out of order: \(titles)") }
    return problems
  }

  /// Every table has a header of named columns, an alignment row, and as many cells in each row as
  /// it has columns; a right-aligned (numeric) cell holds a number or `—`.
  func tableProblems() -> [String] {
    var problems: [String] = []
    let tables = Table.all(in: lines)
    if tables.isEmpty { problems.append("no tables") }
    for (index, table) in tables.enumerated() {
      let name = "table \(index + 1) (\(table.header.joined(separator: " | ")))"
      if table.header.isEmpty || table.header.contains("") { problems.append("\(name): a column has no heading") }
      if table.alignments.count != table.header.count || !table.alignments.allSatisfy({ $0 == "---" || $0 == "---:" }) {
        problems.append("\(name): no alignment row under the header")
        continue
      }
      if table.rows.isEmpty { problems.append("\(name): no rows") }
      for row in table.rows {
        if row.count != table.header.count {
          problems.append("\(name): \(row.count) cells in a row of \(table.header.count) columns: \(row)")
          continue
        }
        for (cell, alignment) in zip(row, table.alignments) where alignment == "---:" {
          if cell != "—" && cell.wholeMatch(of: #/[+\-−]?[0-9].*/#) == nil {
            problems.append("\(name): '\(cell)' in a numeric column")
          }
        }
      }
    }
    return problems
  }

  /// The figures of the first section (`- label：**value**`) are exactly those of `summary.json`,
  /// each with its value.
  func figureProblems(summary: [String: Any]) -> [String] {
    guard let figures = summary["figures"] as? [String: Any], let labels = summary["figure_labels"] as? [String: String]
    else { return ["summary.json has no figures or labels"] }
    guard let first = sections.first else { return ["no sections"] }
    var shown: [String: String] = [:]
    for line in first.lines {
      guard let match = line.wholeMatch(of: #/- (.+)：\*\*(.+)\*\*/#) else { continue }
      shown[String(match.output.1)] = String(match.output.2)
    }
    var problems: [String] = []
    for (key, value) in figures {
      guard let label = labels[key] else {
        problems.append("figure '\(key)' has no label")
        continue
      }
      guard let display = shown.removeValue(forKey: label) else {
        problems.append("figure '\(label)' is not in '\(first.title)'")
        continue
      }
      let number = Double(display.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: ""))
      if number == nil || number != (value as? NSNumber)?.doubleValue {
        problems.append("figure '\(label)' shows \(display), summary.json has \(value)")
      }
    }
    problems += shown.keys.sorted().map { "figure '\($0)' is not in summary.json" }
    return problems
  }

  /// The ranking table under `heading` in the ranking section lists the rows of `ranking` (the
  /// JSON data of the same table) in order, by rank, name and total.
  func rankingProblems(heading: String, ranking: [[String: Any]], names: [String: String]) -> [String] {
    guard let section = sections.first(where: { $0.subheadings.contains(heading) }),
      let table = section.tables(under: heading).first
    else { return ["no ranking table under '\(heading)'"] }
    guard table.rows.count == ranking.count else {
      return ["the table under '\(heading)' has \(table.rows.count) rows, the data \(ranking.count)"]
    }
    var problems: [String] = []
    for (row, record) in zip(table.rows, ranking) {
      let org = record["org"] as? String ?? "?"
      let rank = (record["rank"] as? NSNumber)?.intValue
      let total = (record["total"] as? NSNumber)?.doubleValue ?? .nan
      let shownTotal = row.count > 2 ? Double(row[2]) : nil
      if row.first != rank.map(String.init) || row.count < 3 || row[1] != names[org]
        || shownTotal.map({ abs($0 - total) < 0.005 }) != true
      {
        problems.append("ranking row \(row) does not show \(org), rank \(rank ?? 0), total \(total)")
      }
    }
    return problems
  }

  /// Each district's page opens with its light, states the rank the ranking table gives it, and
  /// has its scorecard and next quarter's targets; each bureau's page has its scorecard.
  func pageProblems(districts: [String], bureaus: [String], rankingHeading: String) -> [String] {
    var ranks: [String: String] = [:]
    if let section = sections.first(where: { $0.subheadings.contains(rankingHeading) }) {
      for row in section.tables(under: rankingHeading).first?.rows ?? [] where row.count > 1 { ranks[row[1]] = row[0] }
    }
    var problems: [String] = []
    for (index, name) in districts.enumerated() {
      guard let page = section("六-\(index + 1)、\(name)") else {
        problems.append("no page for \(name)")
        continue
      }
      let opening = page.lines.first { !$0.isEmpty } ?? ""
      if !opening.hasPrefix("综合灯色：") { problems.append("\(name): the page does not open with its light") }
      if !opening.contains("第 \(ranks[name] ?? "?") 名") {
        problems.append("\(name): the page does not state rank \(ranks[name] ?? "?"): \(opening)")
      }
      if !page.subheadings.contains("考核评分表") { problems.append("\(name): no scorecard") }
      if !page.subheadings.contains(where: { $0.hasPrefix("下一季度目标") }) {
        problems.append("\(name): no targets for next quarter")
      }
      if page.tables.isEmpty { problems.append("\(name): no table of indicators") }
    }
    for (index, name) in bureaus.enumerated() {
      guard let page = section("七-\(index + 1)、\(name)") else {
        problems.append("no page for \(name)")
        continue
      }
      if !page.subheadings.contains("考核评分表") { problems.append("\(name): no scorecard") }
    }
    return problems
  }
}
