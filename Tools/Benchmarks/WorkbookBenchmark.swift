// A workbook of a million rows read into an import table, as `zhibiao ingest FILE.xlsx` reads it:
// the sheet's XML inflated a chunk at a time and parsed as a stream, so that the memory is that of
// the rows' fields and not of the XML, which for a million rows is well over the 100 MB that the
// parts held in memory may take.
import Foundation
import ZhibiaoDocuments
import ZhibiaoWorkspace

/// Writes a workbook of `rows` observations and times reading it.
struct WorkbookBenchmark {
  let rows: Int
  let runs: Int

  /// The figures of the measurement (under `workbook` in the JSON): the rows, the sizes of the file
  /// and of its sheet's XML, the median time and rate, the processor time and the peak memory.
  struct Figures: Encodable {
    var rows: Int
    var fileBytes: Int
    var sheetXMLBytes: Int
    var seconds: Double
    var rowsPerSecond: Double
    var processorSeconds: Double
    var peakRSSBytes: Int?
  }

  func run() throws -> Figures {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-workbook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("observations.xlsx")
    let sheetBytes = try write(to: url)
    let fileBytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    print(
      "workbook: \(rows) rows, sheet XML \(sheetBytes / 1_000_000) MB inflated, file \(fileBytes / 1_000_000) MB")
    var times: [Double] = []
    var processor: [Double] = []
    var peak: Int?
    for _ in 0..<runs {
      PeakMemory.reset()
      let cpu = processorSeconds()
      let start = Date()
      let table = try ImportFile.workbookTable(url: url, file: "observations.xlsx", sheet: nil)
      times.append(Date().timeIntervalSince(start))
      processor.append(processorSeconds() - cpu)
      peak = max(peak ?? 0, PeakMemory.bytes() ?? 0)
      guard table.rows.count == rows else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "read \(table.rows.count) rows"])
      }
    }
    let seconds = times.sorted()[times.count / 2]
    let cpu = processor.sorted()[processor.count / 2]
    print(
      "read the workbook into a table".padding(toLength: 34, withPad: " ", startingAt: 0)
        + "median \(String(format: "%.2f", seconds)) s (processor \(String(format: "%.2f", cpu)) s), "
        + "\(Int(Double(rows) / seconds)) rows/s" + PeakMemory.text(peak))
    return Figures(
      rows: rows, fileBytes: fileBytes, sheetXMLBytes: sheetBytes, seconds: seconds,
      rowsPerSecond: Double(rows) / seconds, processorSeconds: cpu, peakRSSBytes: peak)
  }

  /// Writes the workbook, as a spreadsheet program lays it out: the indicator and org ids as
  /// shared strings, the periods as inline text, the values as numbers. Returns the sheet's size.
  private func write(to url: URL) throws -> Int {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    let indicators = (0..<250).map { "bench.indicator_\($0)" }
    let orgs = (0..<200).map { "district.d\($0)" }
    let strings = ["indicator", "org", "period", "value"] + indicators + orgs
    var sheet = "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">"
    for (index, column) in ["A", "B", "C", "D"].enumerated() {
      sheet += "<c r=\"\(column)1\" t=\"s\"><v>\(index)</v></c>"
    }
    sheet += "</row>"
    sheet.reserveCapacity(rows * 130)
    for row in 0..<rows {
      let number = row + 2
      let indicator = 4 + row % indicators.count
      let org = 4 + indicators.count + (row / indicators.count) % orgs.count
      let period =
        "\(2021 + row / (indicators.count * orgs.count * 4) % 5)Q\(1 + row / (indicators.count * orgs.count) % 4)"
      sheet +=
        "<row r=\"\(number)\"><c r=\"A\(number)\" t=\"s\"><v>\(indicator)</v></c><c r=\"B\(number)\" t=\"s\"><v>\(org)</v></c>"
        + "<c r=\"C\(number)\" t=\"inlineStr\"><is><t>\(period)</t></is></c><c r=\"D\(number)\"><v>\(row % 9973).\(row % 97)</v></c></row>"
    }
    sheet += "</sheetData></worksheet>"
    let parts: [(String, String)] = [
      (
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
      ),
      (
        "_rels/.rels",
        "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(relations)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
      ),
      (
        "xl/workbook.xml",
        "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"\(relations)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
      ),
      ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"),
    ]
    var archive = ZipArchiveWriter()
    for (path, text) in parts { try archive.add(path, data: Data(text.utf8)) }
    let sheetData = Data(sheet.utf8)
    try archive.add("xl/worksheets/sheet1.xml", data: sheetData)
    try archive.data.write(to: url)
    return sheetData.count
  }
}
