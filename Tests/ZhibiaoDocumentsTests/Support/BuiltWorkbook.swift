import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport
import ZhibiaoWorkspace

/// Workbooks for the tests: the committed fixtures, and small workbooks built here from their
/// XML, for what the fixtures' producers never write (inline rich text, float artefacts, the
/// 1904 date system, prefixed namespaces, zip bombs).
enum BuiltWorkbook {
  /// The committed fixture `name`.
  static func fixture(_ name: String) -> URL {
    Repository.url("Tests/ZhibiaoDocumentsTests/Fixtures/\(name)")
  }

  /// The sheet of the fixture `name` as an import table.
  static func table(_ name: String, sheet: String? = nil) throws -> ImportTable {
    try ImportFile.workbookTable(url: fixture(name), file: name, sheet: sheet)
  }

  /// A workbook of one sheet named `sheet` whose `<sheetData>` is `rows`, with `strings` as
  /// its shared strings.
  static func data(
    rows: String, sheet: String = "Sheet1", strings: [String] = [], date1904: Bool = false,
    stored: Bool = false
  ) throws -> Data {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [(String, String)] = [
      (
        "_rels/.rels",
        #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relations)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
      ),
      (
        "xl/workbook.xml",
        #"<workbook xmlns="\#(main)" xmlns:r="\#(relations)"><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets><sheet name="\#(sheet)" sheetId="1" r:id="rId1"/></sheets></workbook>"#
      ),
      (
        "xl/_rels/workbook.xml.rels",
        #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relations)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relations)/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId3" Type="\#(relations)/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>"#
      ),
      (
        "xl/sharedStrings.xml",
        #"<sst xmlns="\#(main)">"# + strings.map { "<si>\($0)</si>" }.joined() + "</sst>"
      ),
      ("xl/worksheets/sheet1.xml", #"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#),
      ("xl/vbaProject.bin", "not a macro project"),
    ]
    var archive = ZipArchiveWriter()
    for (path, text) in parts {
      try archive.add(path, data: Data(text.utf8), stored: stored)
    }
    return archive.data
  }

  /// The rows of the one sheet of a workbook built from `rows`, each as `line: field|field`.
  static func fields(rows: String, strings: [String] = [], date1904: Bool = false) throws -> [String] {
    let data = try data(rows: rows, strings: strings, date1904: date1904)
    let table = try Workbook(data: data, file: "t.xlsx").table(columns: ImportFile.workbookColumns)
    return [table.header.joined(separator: "|")] + table.rows.map { "\($0.line): " + $0.fields.joined(separator: "|") }
  }

  /// The error lines of reading a workbook built from `rows`.
  static func errors(rows: String) throws -> [String] {
    do {
      _ = try Workbook(data: data(rows: rows), file: "t.xlsx").table(columns: ImportFile.workbookColumns)
      return []
    } catch let error as ConfigurationErrors {
      return error.diagnostics.map(\.description)
    }
  }

  /// The cells of one row, `A1`-style references and XML, as a `<row>`.
  static func row(_ number: Int, _ cells: [String]) -> String {
    "<row r=\"\(number)\">" + cells.joined() + "</row>"
  }

  /// An inline string cell.
  static func text(_ reference: String, _ text: String) -> String {
    "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
  }

  /// The header row of an observation import.
  static let header = row(
    1,
    ["indicator", "org", "period", "value"].enumerated().map { text("\(["A", "B", "C", "D"][$0.offset])1", $0.element) }
  )
}
