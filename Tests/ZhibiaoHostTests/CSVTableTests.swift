import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The strict CSV reader: what it reads, and where and why it refuses what it cannot read
/// unambiguously.
@Suite("Reading CSV strictly")
struct CSVTableTests {
  /// The header and rows of `text` as `line: field|field`, or nil and the errors as printed;
  /// reading it row by row (`ImportTable.forEachRow`, as the observation import does) must give
  /// the same.
  static func read(_ text: String) -> (rows: [String]?, errors: [String]) {
    let whole = readWhole(text)
    let rowByRow = readRowByRow(text)
    #expect(rowByRow.rows == whole.rows, "rows read row by row")
    #expect(rowByRow.errors == whole.errors, "errors read row by row")
    return whole
  }

  static func readWhole(_ text: String) -> (rows: [String]?, errors: [String]) {
    do {
      let table = try ImportTable(parsing: text, file: "f.csv")
      let header = "header \(table.headerLine): " + table.header.joined(separator: "|")
      return ([header] + table.rows.map { "\($0.line): " + $0.fields.joined(separator: "|") }, [])
    } catch {
      return (nil, error.diagnostics.map(\.description))
    }
  }

  static func readRowByRow(_ text: String) -> (rows: [String]?, errors: [String]) {
    var lines: [String] = []
    do {
      try ImportTable.forEachRow(
        parsing: text, file: "f.csv",
        header: { lines.append("header \($0.headerLine): " + $0.header.joined(separator: "|")) },
        row: { lines.append("\($0.line): " + $0.fields.joined(separator: "|")) })
      return (lines, [])
    } catch {
      return (nil, error.diagnostics.map(\.description))
    }
  }

  /// Texts that a reader refuses or reads with a twist: bad headers and widths, quotes left open
  /// or in the middle of a field, NUL, CR alone, a byte order mark.
  static let awkwardTexts = [
    "a,,b\n1,2,3,4\n", "a,\"b\n1,2,3\n", "\"a\"x,b\n1,2,3\n", "", "# only a comment\n", "a,b\n1,2\0", "a,a\n1,2,3\n",
    "a,b\n1,2,3\n4,5\n6,7,8,9\n", "a,b\r1,2\n3,4\r", "a,b\n\"x\"y,2,3\n", "\u{FEFF}a,b\n1,\"2\n",
  ]

  @Test(
    "Reading row by row refuses what reading the whole table refuses, with the same errors", arguments: awkwardTexts)
  func rowByRowAgrees(_ text: String) {
    #expect(Self.readRowByRow(text).rows == Self.readWhole(text).rows)
    #expect(Self.readRowByRow(text).errors == Self.readWhole(text).errors)
  }

  /// `text` read in two parts at once, as `readRowByRow` gives it; nil when the cut is not confirmed.
  static func readInParts(_ text: String) -> (rows: [String]?, errors: [String])? {
    final class Lines: @unchecked Sendable {
      let lock = NSLock()
      var parts: [[String]] = [[], []]
    }
    let lines = Lines()
    var header: [String] = []
    do {
      let confirmed = try ImportTable.forEachRowInParts(
        parsing: text, file: "f.csv", minimumSize: 0,
        header: { header.append("header \($0.headerLine): " + $0.header.joined(separator: "|")) },
        row: { part, row in
          lines.lock.withLock { lines.parts[part].append("\(row.line): " + row.fields.joined(separator: "|")) }
        })
      return confirmed ? (header + lines.parts.joined(), []) : nil
    } catch {
      return (nil, error.diagnostics.map(\.description))
    }
  }

  @Test(
    "Reading in two parts at once gives what reading row by row gives, or declines",
    arguments: awkwardTexts + [
      "a,b\n1,2\n3,4\n5,6\n7,8\n", "a,b\r\n1,2\r\n3,\"4\r\n4\"\r\n5,6\r\n7,8\r\n", "a,b\n1,2\n3,4\r5,6\n7,8\n",
      "a,b\n1,2\n3,4\n5,6,7\n7,8\n9\"\n", "a,b\n# \"\n1,2\n3,\"4\n5\"\n6,7\n8,9\n", "a,b\n1,2\n3,4\n\05,6\n7,8\n",
      "\u{FEFF}a,b\n1,2\n\u{FEFF}3,4\n5,6\n7,8\n",
    ])
  func inPartsAgrees(_ text: String) {
    guard let parted = Self.readInParts(text) else { return }
    #expect(parted.rows == Self.readRowByRow(text).rows)
    #expect(parted.errors == Self.readRowByRow(text).errors)
  }

  @Test("A text long enough is read in two parts, each giving its rows")
  func readsInParts() throws {
    let text = "a,b\n" + (1...100).map { "\($0),\"x\ny\"" }.joined(separator: "\n") + "\n"
    let parted = try #require(Self.readInParts(text))
    #expect(parted.rows == Self.readRowByRow(text).rows)
    #expect(parted.rows?.count == 101)
  }

  static func rows(_ text: String) -> [String]? { read(text).rows }

  static func errors(_ text: String) -> [String] { read(text).errors }

  /// An observation file with `rows` after its header, checked against the sample plan.
  static func observations(_ rows: String) throws -> (rows: [ObservationInput], errors: [String]) {
    let plan = try HangzhouPlan.plan()
    let result = ObservationImport(plan: plan, submitter: plan.commission).check(
      "indicator,org,period,value,unit,note\n" + rows, file: "f.csv")
    return (result.rows, result.diagnostics.map(\.description))
  }

  @Test("CRLF, LF and CR files give the same rows", arguments: ["\r\n", "\n", "\r"])
  func lineEndings(_ end: String) {
    let text = ["# a comment", "a,b,c", "1,2,3", "", "4,\"x, \"\"y\"\"\",6"].joined(separator: end) + end
    #expect(Self.rows(text) == ["header 2: a|b|c", "3: 1|2|3", "5: 4|x, \"y\"|6"])
  }

  @Test("A file with CR-only line endings imports its rows")
  func crOnlyImports() throws {
    let plan = try HangzhouPlan.plan()
    let text = "indicator,org,period,value,unit,note\rfinance.finance_va,district.xihu,2024Q1,20.5,亿元,\r"
    let result = ObservationImport(plan: plan, submitter: plan.commission).check(text, file: "f.csv")
    #expect(result.diagnostics.isEmpty)
    #expect(result.rows.map(\.value) == [Decimal(string: "20.5")!])
    #expect(result.rows.map(\.line) == [2])
  }

  @Test("A lone CR inside an unquoted value of an LF file is refused at its position, not dropped")
  func loneCR() throws {
    let result = try Self.observations("finance.finance_va,district.xihu,2024Q1,2\r0.5,亿元,\n")
    #expect(result.rows.isEmpty)
    #expect(
      result.errors == [
        "f.csv:2:42: error: A carriage return (CR) without a line feed, in a file whose lines end with LF or CRLF (remove it, or quote the value if it belongs there)"
      ])
    #expect(Self.errors("a,b\n1,2\r\n3,4\n5\r6,7\n").count == 1, "CRLF and LF may mix; the lone CR may not")
    #expect(Self.errors("a,b\r1,2\n").first?.hasPrefix("f.csv:2:4: error: This line ends with LF") == true)
  }

  @Test("A quote in the middle of a field is refused at the quote or at the text after it")
  func quoteInField() throws {
    let result = try Self.observations("finance.finance_va,district.xihu,2024Q1,\"20\"5,亿元,\n")
    #expect(result.rows.isEmpty)
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.hasPrefix("f.csv:2:45: error: Text after the closing quote of a field") == true)
    #expect(
      Self.errors("a,b\n1,2\"0\"5\n").first?.hasPrefix(
        "f.csv:2:4: error: A quote inside a field that does not start with one") == true)
    #expect(Self.errors("a,b\n1, \"2\"\n").first?.hasPrefix("f.csv:2:4: error: A quote inside a field") == true)
  }

  @Test("An unquoted note with commas is a row with more fields than the header, refused where the extra field starts")
  func extraFields() throws {
    let result = try Self.observations("finance.finance_va,district.xihu,2024Q1,20.5,亿元,初步,待核\n")
    #expect(result.rows.isEmpty)
    #expect(
      result.errors == [
        "f.csv:2:52: error: This row has 7 fields but the header names 6 columns; this field and any after it have no column (quote a value that holds commas, e.g. \"a, b\")"
      ])
    #expect(Self.errors("a,b\n1,2,\n").first?.hasPrefix("f.csv:2:5: error: This row has 3 fields") == true)
  }

  @Test("A row with fewer fields than the header reads its missing trailing fields as absent")
  func fewerFields() throws {
    let table = try ImportTable(parsing: "a,b,c\n1,2\n", file: "f.csv")
    #expect(table.rows.first?["b"] == "2")
    #expect(table.rows.first?["c"] == nil)
    let result = try Self.observations("finance.finance_va,district.xihu,2024Q1,20.5\n")
    #expect(result.errors == [])
    #expect(result.rows.map(\.value) == [Decimal(string: "20.5")!])
  }

  @Test("A duplicated or empty header name is refused at its column")
  func headerNames() throws {
    let plan = try HangzhouPlan.plan()
    let result = ObservationImport(plan: plan, submitter: plan.commission).check(
      "indicator,org,period,value,unit,value\nfinance.finance_va,district.xihu,2024Q1,20.5,亿元,30\n", file: "f.csv")
    #expect(result.rows.isEmpty)
    #expect(
      result.diagnostics.map(\.description) == [
        "f.csv:1:33: error: The header names the column 'value' twice, as columns 4 and 6."
      ])
    #expect(Self.errors("a,,b\n1,2,3\n") == ["f.csv:1:3: error: Column 2 of the header has no name."])
  }

  @Test(
    "A column the import does not read is refused at its header cell; a template's read-only columns are left alone")
  func unknownColumns() throws {
    let plan = try HangzhouPlan.plan()
    let observations = ObservationImport(plan: plan, submitter: plan.commission)
    let misspelt = observations.check(
      "indicator,org,period,value,valeu\nfinance.finance_va,district.xihu,2024Q1,20.5,21\n", file: "f.csv")
    #expect(misspelt.rows.isEmpty)
    #expect(misspelt.diagnostics.count == 1)
    #expect(
      misspelt.diagnostics.first?.description.hasPrefix("f.csv:1:28: error: The header names a column 'valeu'") == true)
    #expect(misspelt.diagnostics.first?.hint?.contains("value") == true)
    let template = observations.check(
      "indicator,org,period,value,unit,note,name,target,target_basis,last_year\n"
        + "finance.finance_va,district.xihu,2024Q1,20.5,亿元,,金融业增加值,19,≥,18\n", file: "f.csv")
    #expect(template.diagnostics.filter { $0.severity == .error }.isEmpty)
    #expect(template.rows.count == 1)
    let registers = RegisterImport(plan: plan, submitter: plan.commission).check(
      "register,name,org,level,recognised_on,evidence,remark\ntech.national_incubators,浙大科技园,district.xihu,国家级,2023-06-01,,x\n",
      file: "r.csv")
    #expect(registers.entries.isEmpty)
    #expect(registers.diagnostics.first?.description.contains("'remark'") == true)
  }

  @Test("A NUL character anywhere is refused at its position")
  func nul() {
    #expect(
      Self.errors("a,b\n1,\"x\0\"\n") == [
        "f.csv:2:5: error: The file holds a NUL character; it is not a text CSV file (saved as UTF-16?), so reading stops here."
      ])
    #expect(Self.errors("# \0\na,b\n").first?.hasPrefix("f.csv:1:3: error: The file holds a NUL") == true)
  }

  @Test("A quoted field may hold commas, doubled quotes and line breaks; the next row keeps its own line")
  func quotedField() {
    let text = "a,b\r\n\"1, \"\"one\"\"\r\nand\rtwo\",2\r\n3,\"\"\r\n"
    #expect(Self.rows(text) == ["header 1: a|b", "2: 1, \"one\"\r\nand\rtwo|2", "5: 3|"])
  }

  @Test("A quoted field never closed is refused where it starts")
  func unterminated() {
    #expect(
      Self.errors("a,b\n1,\"2\n3,4\n") == [
        "f.csv:2:3: error: The quoted field that starts here is never closed (end it with a quote; write a quote inside it as two quotes (\"\"))"
      ])
  }

  @Test("A byte order mark is skipped; blank lines, an empty trailing line and comment lines are skipped")
  func bomAndBlankLines() {
    #expect(Self.rows("\u{FEFF}a,b\n1,2") == ["header 1: a|b", "2: 1|2"])
    #expect(Self.rows("a,b\n1,2\n\n") == ["header 1: a|b", "2: 1|2"])
    #expect(Self.rows("# \"unbalanced, quote\na,b\n\n# x\n1,2\n") == ["header 2: a|b", "5: 1|2"])
    #expect(Self.errors("") == ["f.csv:1:1: error: The file has no header row."])
  }

  @Test("A value with more than 38 significant digits is refused at its line, never rounded")
  func tooManyDigits() throws {
    let digits38 = "12345678901234567890123456789012345678"
    let exact = try Self.observations("finance.finance_va,district.xihu,2024Q1,\(digits38),亿元,\n")
    #expect(exact.errors == [])
    #expect(exact.rows.first?.value == Decimal(string: digits38, locale: nil))
    #expect(ExactDecimal("0.\(digits38)00") == .value(Decimal(string: "0.\(digits38)", locale: nil)!))
    #expect(ExactDecimal("1" + String(repeating: "0", count: 60)) == .value(Decimal(string: "1e60", locale: nil)!))
    let long = try Self.observations("finance.finance_va,district.xihu,2024Q1,\(digits38)9,亿元,\n")
    #expect(long.rows.isEmpty)
    #expect(
      long.errors == [
        "f.csv:2:41: error: The value '\(digits38)9' has 39 significant digits or a magnitude that cannot be held exactly; at most 38 significant digits are kept, so it is refused rather than rounded."
      ])
    #expect(ExactDecimal("0." + String(repeating: "0", count: 130) + "1") == .tooPrecise(digits: 1))
  }
}
