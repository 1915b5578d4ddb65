import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport
import ZhibiaoWorkspace

/// Files built to hurt a reader: zip bombs, lying sizes, old and macro formats, huge sheets.
@Suite("Refusing hostile and unsupported workbooks")
struct HostileWorkbookTests {
  /// The workbook `data` with the central directory entry of `path` declaring `compressed` and
  /// `uncompressed` bytes.
  static func declaring(_ data: Data, path: String, compressed: UInt32, uncompressed: UInt32) throws -> Data {
    var bytes = [UInt8](data)
    let name = Array(path.utf8)
    var found = false
    for start in 0..<(bytes.count - 46) where bytes[start..<start + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
      let nameLength = Int(bytes[start + 28]) | Int(bytes[start + 29]) << 8
      guard bytes[(start + 46)..<(start + 46 + nameLength)].elementsEqual(name) else { continue }
      for (offset, value) in [(20, compressed), (24, uncompressed)] {
        for byte in 0..<4 { bytes[start + offset + byte] = UInt8((value >> (8 * UInt32(byte))) & 0xFF) }
      }
      found = true
    }
    try #require(found)
    return Data(bytes)
  }

  static let sheet = "xl/worksheets/sheet1.xml"

  @Test(
    "A part held in memory that declares 150 MB, or a sheet that declares 1.5 GB, is refused before anything is inflated"
  )
  func declaredTooLarge() throws {
    let small = try BuiltWorkbook.data(rows: BuiltWorkbook.header)
    let strings = "xl/sharedStrings.xml"
    for (path, declared, limit) in [
      (strings, UInt32(150_000_000), UInt64(100_000_000)), (Self.sheet, 1_500_000_000, 1_000_000_000),
    ] {
      let compressed = try #require(ZipArchive(data: small)[path]).compressedSize
      let bomb = try Self.declaring(small, path: path, compressed: UInt32(compressed), uncompressed: declared)
      #expect(bomb.count < 2_000)
      #expect {
        _ = try Workbook(data: bomb, file: "bomb.xlsx")
      } throws: { error in
        guard case WorkbookError.tooLarge(let total, let given) = error else { return false }
        return given == limit && total >= UInt64(declared)
      }
    }
  }

  @Test("An entry that inflates more than 100 times its compressed size is refused before it is inflated")
  func compressionRatio() throws {
    let padding = String(repeating: " ", count: 4_000_000)
    let data = try BuiltWorkbook.data(rows: BuiltWorkbook.header + "<!--\(padding)-->")
    #expect(data.count < 50_000)
    #expect {
      _ = try Workbook(data: data, file: "bomb.xlsx")
    } throws: { error in
      guard case WorkbookError.compressionRatio(let entry, let ratio, 100) = error else { return false }
      return entry == Self.sheet && ratio > 100
    }
  }

  @Test("An entry that inflates to more than it declares is refused as it inflates")
  func lyingSize() throws {
    let data = try BuiltWorkbook.data(rows: BuiltWorkbook.header)
    let archive = try ZipArchive(data: data)
    let entry = try #require(archive[Self.sheet])
    let lying = try Self.declaring(
      data, path: Self.sheet, compressed: UInt32(entry.compressedSize),
      uncompressed: UInt32(entry.uncompressedSize) - 10)
    #expect(throws: WorkbookError.damagedEntry(entry: Self.sheet)) {
      try Workbook(data: lying, file: "t.xlsx").table(columns: ImportFile.workbookColumns)
    }
  }

  @Test("Text, an .xls file by its name or its bytes, and macro-enabled workbooks are told apart")
  func formats() {
    let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    #expect(Workbook.refusal(path: "a.xls", head: Data()) == .legacyExcel)
    #expect(Workbook.refusal(path: "a.xlsx", head: ole) == .legacyExcel)
    #expect(
      Workbook.refusal(path: "a.XLSM", head: Data("PK\u{3}\u{4}".utf8)) == .unsupportedWorkbook(extension: "xlsm"))
    #expect(Workbook.refusal(path: "a.csv", head: Data("indicator".utf8)) == nil)
    #expect(Workbook.isWorkbook(path: "a.xlsx", head: Data()))
    #expect(Workbook.isWorkbook(path: "upload", head: Data("PK\u{3}\u{4}".utf8)))
    #expect(!Workbook.isWorkbook(path: "a.csv", head: Data("indicator".utf8)))
    #expect(WorkbookError.legacyExcel.text.zh.contains("另存为"))
    #expect(WorkbookError.unsupportedWorkbook(extension: "xlsm").text.en.contains("Save As"))
  }

  @Test("A file that is not a ZIP archive is not a workbook")
  func notZip() {
    #expect {
      _ = try Workbook(data: Data("indicator,org\n".utf8), file: "t.xlsx")
    } throws: { error in
      if case WorkbookError.notAWorkbook = error { return true }
      return false
    }
  }

  @Test("A sheet of 200,000 rows is streamed into the table")
  func manyRows() throws {
    var rows = BuiltWorkbook.header
    rows.reserveCapacity(20_000_000)
    for number in 2...200_001 {
      rows +=
        "<row r=\"\(number)\"><c r=\"B\(number)\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"D\(number)\"><v>\(number)</v></c></row>"
    }
    let data = try BuiltWorkbook.data(rows: rows)
    let table = try Workbook(data: data, file: "big.xlsx").table(columns: ImportFile.workbookColumns)
    #expect(table.rows.count == 200_000)
    #expect(table.rows.last?.fields == ["", "x", "", "200001"])
  }
}
