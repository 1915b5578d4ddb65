import Foundation
import ZhibiaoKernel

/// A file of a written report: its path inside the report folder and its bytes.
public struct ReportFile: Sendable {
  public var path: String
  public var contents: Data

  public init(path: String, contents: Data) {
    self.path = path
    self.contents = contents
  }
}

extension ReportDocument {
  /// Every file of the report: the page, the Markdown, `data/summary.json`, and each data table
  /// as CSV (UTF-8 with a byte order mark, so that Excel reads it) and JSON.
  public func files() -> [ReportFile] {
    var files = [
      ReportFile(path: "report.html", contents: Data(html().utf8)),
      ReportFile(path: "report.md", contents: Data(markdown().utf8)),
      ReportFile(path: "data/summary.json", contents: summaryJSON()),
    ]
    for table in dataTables {
      guard let file = table.file else { continue }
      files.append(ReportFile(path: "data/\(file).csv", contents: Self.csv(table)))
      files.append(ReportFile(path: "data/\(file).json", contents: Self.json(table)))
    }
    return files
  }

  /// The summary: the facts, then every figure by key, then the goal groups' lights.
  public func summaryJSON() -> Data {
    let encoder = Self.encoder
    var text = "{\n"
    let factLines = facts.map { fact in "  \(Self.quote(fact.key)): \(Self.encode(fact.value, encoder))" }
    let figureLines = figures.map { figure in "    \(Self.quote(figure.key)): \(Self.encode(figure.value, encoder))" }
    text += factLines.joined(separator: ",\n") + ",\n"
    text += "  \"figures\": {\n" + figureLines.joined(separator: ",\n") + "\n  },\n"
    text += "  \"figure_labels\": {\n"
    text += figures.map { "    \(Self.quote($0.key)): \(Self.quote($0.label))" }.joined(separator: ",\n") + "\n  }\n"
    text += "}\n"
    return Data(text.utf8)
  }

  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func encode(_ value: ReportValue, _ encoder: JSONEncoder) -> String {
    (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }

  static func quote(_ text: String) -> String { encode(.text(text), encoder) }

  /// A table as a JSON array of objects keyed by column, values as the data carry them.
  static func json(_ table: ReportTable) -> Data {
    let encoder = Self.encoder
    let rows = table.rows.map { row in
      "  {" + zip(table.columns, row).map { "\(quote($0.key)): \(encode($1.value, encoder))" }.joined(separator: ", ")
        + "}"
    }
    return Data(("[\n" + rows.joined(separator: ",\n") + (rows.isEmpty ? "]\n" : "\n]\n")).utf8)
  }

  /// A table as CSV with a byte order mark: a header of column keys, then the data values; text a
  /// spreadsheet would run as a formula is neutralised (`CSVField`), numbers stay numbers.
  static func csv(_ table: ReportTable) -> Data {
    var lines = [table.columns.map { CSVField.field($0.key) }.joined(separator: ",")]
    for row in table.rows { lines.append(row.map { CSVField.field($0.value.csv) }.joined(separator: ",")) }
    return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
  }
}
