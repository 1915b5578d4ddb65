import Foundation
import ZhibiaoCharts
import ZhibiaoKernel

/// A value in a report's tables and summary, as the JSON files carry it.
public enum ReportValue: Hashable, Sendable, Encodable {
  case integer(Int)
  /// A computed quantity (a share, a pace, points of a chart).
  case number(Double)
  /// A stated figure, with exactly its digits.
  case decimal(Decimal)
  case text(String)
  case null

  /// A number, or null when there is none (or it is not finite).
  public static func number(_ value: Double?) -> ReportValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  /// A stated figure, or null when there is none.
  public static func decimal(_ value: Decimal?) -> ReportValue {
    value.map { .decimal($0) } ?? .null
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .decimal(let value): try container.encode(value)
    case .text(let value): try container.encode(value)
    case .null: try container.encodeNil()
    }
  }

  /// The value as a CSV cell: numbers without a locale, text as it is.
  var csv: String {
    switch self {
    case .integer(let value): String(value)
    case .number(let value): ReportNumber.plain(value)
    case .decimal(let value): "\(value)"
    case .text(let value): value
    case .null: ""
    }
  }
}

/// A headline figure of the summary: shown on the page with `data-figure="key"`, and written to
/// `summary.json` under the same key, so that the two can be compared.
public struct ReportFigure: Hashable, Sendable {
  public var key: String
  public var label: String
  public var value: ReportValue
  /// How the page shows it, e.g. "12" or "82.5%".
  public var display: String
  public var status: ChartStatus?
}

/// A field of `summary.json` that is not a figure, e.g. the period or the as-of day.
public struct ReportFact: Hashable, Sendable {
  public var key: String
  public var value: ReportValue
}

/// A column of a report table.
public struct ReportColumn: Hashable, Sendable {
  /// The key in the table's JSON and the CSV header.
  public var key: String
  public var heading: String
  public var numeric: Bool
  /// Whether the column is short enough never to wrap (units, lights, names of orgs).
  public var compact: Bool

  public init(_ key: String, _ heading: String, numeric: Bool = false, compact: Bool = false) {
    self.key = key
    self.heading = heading
    self.numeric = numeric
    self.compact = compact
  }
}

/// A cell: what a reader sees, the value the data files carry, and a light when it shows one.
public struct ReportCell: Hashable, Sendable {
  public var text: String
  public var value: ReportValue
  public var light: ChartStatus?

  public init(_ text: String, value: ReportValue? = nil, light: ChartStatus? = nil) {
    self.text = text
    self.value = value ?? .text(text)
    self.light = light
  }
}

/// A table of the report; the ones with `file` set are also written as CSV and JSON.
public struct ReportTable: Hashable, Sendable {
  /// The data file's name without extension, e.g. "ranking"; nil for a table shown only.
  public var file: String?
  public var caption: String?
  public var columns: [ReportColumn]
  public var rows: [[ReportCell]]

  public init(file: String?, caption: String? = nil, columns: [ReportColumn], rows: [[ReportCell]]) {
    self.file = file
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }
}

/// A piece of a section.
public enum ReportBlock: Hashable, Sendable {
  case heading(String)
  case paragraph(String)
  /// A quieter paragraph: sources, caveats, how to read.
  case note(String)
  case bullets([String])
  case figures([ReportFigure])
  case table(ReportTable)
  /// An SVG chart with its caption (the Markdown report shows the caption and the table beside).
  case chart(svg: String, caption: String)
  /// Smaller charts side by side, with one caption.
  case charts([String], caption: String)
}

/// A numbered part of the report.
public struct ReportSection: Hashable, Sendable {
  /// The anchor, e.g. "summary" or "district-district.binjiang".
  public var id: String
  public var title: String
  /// Whether printing starts it on a new page.
  public var newPage: Bool
  public var blocks: [ReportBlock]
  /// The run of pages it belongs to, e.g. "六、区县分页"; the contents list such a run on one line.
  public var group: String?
  /// What the contents call it within its group, e.g. the district's name.
  public var shortTitle: String

  public init(
    id: String, title: String, newPage: Bool = false, blocks: [ReportBlock] = [], group: String? = nil,
    shortTitle: String? = nil
  ) {
    self.id = id
    self.title = title
    self.newPage = newPage
    self.blocks = blocks
    self.group = group
    self.shortTitle = shortTitle ?? title
  }
}

/// The whole report in one language, ready to render as HTML or Markdown and to write as data.
public struct ReportDocument: Hashable, Sendable {
  public var title: String
  public var subtitle: String
  public var caveat: String?
  public var language: Language
  /// The summary figures, in page order.
  public var figures: [ReportFigure]
  public var sections: [ReportSection]
  /// Tables written only as data files (too long to print), e.g. every monitoring row.
  public var data: [ReportTable]
  /// Extra fields of `summary.json` beside the figures (scope, period, as-of day …).
  public var facts: [ReportFact]

  /// Every table that is written as a data file, in page order, each file once.
  public var dataTables: [ReportTable] {
    var seen = Set<String>()
    var tables = [ReportTable]()
    func visit(_ blocks: [ReportBlock]) {
      for case .table(let table) in blocks {
        if let file = table.file, seen.insert(file).inserted { tables.append(table) }
      }
    }
    sections.forEach { visit($0.blocks) }
    visit(data.map { .table($0) })
    return tables
  }
}
