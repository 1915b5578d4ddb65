import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// A large observation file is checked in two parts at once: the rows, and every diagnostic with
/// its place and hint, must come out exactly as when it is checked in one part, for files good
/// and bad.
@Suite("Observation import checked in two parts")
struct ObservationImportPartsTests {
  let plan: Plan

  init() throws {
    plan = try HangzhouPlan.plan()
  }

  /// Noon of 2025-06-01 in China: every check runs on the same day.
  static let now = Date(timeIntervalSince1970: 1_748_750_400)

  /// `text` checked in one part, after checking that a check in two parts (any text cut, however
  /// small) gives the same rows and diagnostics.
  @discardableResult
  func checkAlike(
    _ text: String, stored: [String: Decimal] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> (rows: [ObservationInput], diagnostics: [Diagnostic]) {
    let check = ObservationImport(plan: plan, submitter: plan.commission, now: Self.now) { indicator, org, period in
      stored["\(indicator)|\(org)|\(period)"]
    }
    let whole = check.check(text, file: "f.csv", partedSize: .max)
    let parted = check.check(text, file: "f.csv", partedSize: 0)
    #expect(parted.rows == whole.rows, "rows", sourceLocation: sourceLocation)
    #expect(parted.diagnostics == whole.diagnostics, "diagnostics", sourceLocation: sourceLocation)
    return whole
  }

  /// Whether `text` is read in two parts (its cut confirmed), and how many rows each part gives.
  static func parts(_ text: String) throws -> (confirmed: Bool, rows: [Int]) {
    let counts = PartCounts()
    let confirmed = try ImportTable.forEachRowInParts(
      parsing: text, file: "f.csv", minimumSize: 0, header: { _ in }, row: { part, _ in counts.add(part) })
    return (confirmed, counts.rows)
  }

  static let header = "indicator,org,period,value,unit,note\n"

  /// `count` valid rows of one indicator, a district each, quarters of 2023 and 2024.
  static func validRows(_ count: Int, from first: Int = 0) -> [String] {
    let districts = ["district.xihu", "district.binjiang", "district.gongshu", "district.shangcheng"]
    return (first..<first + count).map { index in
      let district = districts[index / 8 % districts.count]
      let year = 2023 + index / 4 % 2
      let quarter = index % 4 + 1
      return "finance.finance_va,\(district),\(year)Q\(quarter),\(100 * quarter + index / 8),亿元,"
    }
  }

  @Test("A file with errors in both halves gives the same rows and errors")
  func errorsInBothHalves() throws {
    var rows = Self.validRows(32)
    rows[3] = "finance.finance_vx,district.xihu,2024Q1,1,亿元,"
    rows[5] = "finance.finance_va,district.xihu,2024Q1,abc,亿元,"
    rows[25] = "finance.finance_va,district.nowhere,2024Q1,1,亿元,"
    rows[29] = "finance.finance_va,district.xihu,2024Q5,1,亿元,"
    let text = Self.header + rows.joined(separator: "\n") + "\n"
    let result = checkAlike(text)
    #expect(result.rows.isEmpty)
    #expect(result.diagnostics.map(\.location.line) == [5, 7, 27, 31])
    let parts = try Self.parts(text)
    #expect(parts.confirmed && parts.rows.count == 2 && parts.rows.allSatisfy { $0 > 0 })
  }

  @Test("A figure in the first half repeated in the second is refused at the second, naming the first")
  func repeatAcrossHalves() throws {
    var rows = Self.validRows(32)
    rows[30] = rows[2]
    rows[31] = rows[2]
    let text = Self.header + rows.joined(separator: "\n") + "\n"
    let result = checkAlike(text)
    #expect(result.diagnostics.map(\.location.line) == [32, 33])
    #expect(result.diagnostics.allSatisfy { $0.message.hasSuffix("given on line 4.") })
    #expect(try Self.parts(text).rows.count == 2)
  }

  @Test("A figure repeated within the second half, and the checks across rows, come out alike")
  func repeatWithinSecondHalfAndAcrossRows() {
    var rows = Self.validRows(40)
    rows[36] = rows[33]
    // A year to date that falls, and a unit mistake, in the second half.
    rows[38] = "finance.finance_va,district.xihu,2025Q2,1,亿元,"
    rows[39] = "finance.finance_va,district.xihu,2025Q1,5000,亿元,"
    let text = Self.header + rows.joined(separator: "\n") + "\n"
    let result = checkAlike(text, stored: ["finance.finance_va|district.xihu|2024Q1": 2])
    #expect(result.diagnostics.contains { $0.location.line == 38 && $0.message.hasPrefix("This row repeats") })
    #expect(result.diagnostics.count >= 2)
  }

  @Test("A quoted field with a line break just past the middle is read whole")
  func quotedLineBreakNearTheCut() throws {
    for place in 14..<20 {
      var rows = Self.validRows(32)
      rows[place] += "\"first line\nsecond, \"\"quoted\"\" line\""
      let text = Self.header + rows.joined(separator: "\n") + "\n"
      let result = checkAlike(text)
      #expect(result.diagnostics == [])
      #expect(result.rows.count == 32)
      #expect(result.rows[place].note == "first line\nsecond, \"quoted\" line")
      #expect(result.rows.last?.line == 34)
    }
  }

  @Test("A quote in a comment that misleads the cut: the file is read in one part instead")
  func misleadingQuote() throws {
    let rows =
      Self.validRows(4) + ["# a comment with one \" quote"] + Self.validRows(26, from: 4)
      + [Self.validRows(1, from: 30)[0] + "\"a\nb\""] + Self.validRows(1, from: 31)
    let text = Self.header + rows.joined(separator: "\n") + "\n"
    #expect(try Self.parts(text).confirmed == false)
    let result = checkAlike(text)
    #expect(result.diagnostics == [])
    #expect(result.rows.count == 32)
  }

  /// Files at the edges: a header alone, blank, CR-only and CRLF lines, a byte order mark, a NUL
  /// in either half, and errors of the CSV itself or of the header.
  static let edgeTexts: [String] = [
    Self.header, "", "\n\n", "# a comment\n", "\u{FEFF}" + Self.header,
    "\u{FEFF}" + Self.header + Self.validRows(20).joined(separator: "\n") + "\n",
    Self.header.replacingOccurrences(of: "\n", with: "\r\n") + Self.validRows(20).joined(separator: "\r\n") + "\r\n",
    Self.header.replacingOccurrences(of: "\n", with: "\r") + Self.validRows(20).joined(separator: "\r") + "\r",
    Self.header + Self.validRows(20).joined(separator: "\n"),
    Self.header + Self.validRows(10).joined(separator: "\n") + "\r\n"
      + Self.validRows(10, from: 10).joined(separator: "\r") + "\n",
    Self.header + Self.validRows(20).joined(separator: "\n") + "\nfinance.finance_va,district.xihu,\"2024Q1",
    Self.header + Self.validRows(20).joined(separator: "\n") + "\nfinance.finance_va,district.xihu,2024Q1,1,,,x,y\n",
    Self.header + Self.validRows(20).joined(separator: "\n") + "\nfinance.finance_va,district.xihu,2024\"Q1,1,,\n",
    Self.header + Self.validRows(10).joined(separator: "\n") + "\n\0"
      + Self.validRows(10, from: 10).joined(separator: "\n"),
    Self.header + Self.validRows(16).joined(separator: "\n") + "\n\0\n"
      + Self.validRows(4, from: 16).joined(separator: "\n"),
    Self.header + Self.validRows(2).joined(separator: "\n") + "\n\0"
      + Self.validRows(18, from: 2).joined(separator: "\n"),
    "indicator,org,period\n" + Self.validRows(20).joined(separator: "\n") + "\n",
    "indicator,org,period,value,unit,note,valeu\n" + Self.validRows(20).joined(separator: "\n") + "\n",
    "indicator,org,\"period\n" + Self.validRows(20).joined(separator: "\n") + "\n",
  ]

  @Test(
    "Files of one header, blank, CR-only or CRLF lines, a BOM, or errors of the CSV itself come out alike",
    arguments: ObservationImportPartsTests.edgeTexts)
  func edgeFiles(_ text: String) {
    checkAlike(text)
  }

  @Test("The sample observations, and the GBK sample of mistakes, come out alike")
  func samples() throws {
    let observations = try String(
      contentsOf: Repository.config.appendingPathComponent("sample/observations.csv"), encoding: .utf8)
    let result = checkAlike(observations)
    #expect(result.rows.count > 4000)
    #expect(try Self.parts(observations).rows.count == 2)
    let data = try Data(contentsOf: Repository.config.appendingPathComponent("sample/mistakes-gbk.csv"))
    let (mistakes, encoding) = try #require(TextDecoding.decode(data))
    #expect(encoding == .gb18030)
    #expect(!checkAlike(mistakes).diagnostics.isEmpty)
  }

  @Test("Random files of valid and faulty rows come out alike, however they are cut")
  func randomFiles() {
    var random = SplitMix(seed: 20_241_001)
    let pieces =
      Self.validRows(40) + [
        "finance.finance_va,district.xihu,2024Q1,1,亿元,\"a note\nover two lines\"",
        "finance.finance_va,滨江区,2024年1-9月,1615800,万元,初步核算",
        "finance.finance_va,district.xihu,2024Q1,-1,亿元,", "finance.finance_vx,district.xihu,2024Q1,1,,",
        "finance.finance_va,district.xihu,2024Q1,1,吨,", "# a comment", "# a \"quoted\" comment", "",
        "finance.finance_va,district.xihu,2024Q1,1,,\"unclosed", "finance.finance_va,\"district.xihu\"x,2024Q1,1,,",
        "finance.finance_va,district.xihu,2024Q1,1,,,,,", "\"", "\"\"", "finance.finance_va,district.xihu",
        "tech.rd_expenditure,district.xihu,2024,50,亿元,", "finance.finance_va,district.xihu,2024Q1,5,亿元,,2024-04-15",
      ]
    for _ in 0..<300 {
      let count = random.next(below: 60)
      var text = random.next(below: 10) == 0 ? "\u{FEFF}" : ""
      text += "indicator,org,period,value,unit,note,reported_on"
      let ending = ["\n", "\n", "\r\n", "\r"][random.next(below: 4)]
      for _ in 0..<count {
        text += random.next(below: 30) == 0 ? ["\r", "\n", "\r\n", "\0"][random.next(below: 4)] : ending
        text += pieces[random.next(below: pieces.count)]
      }
      if random.next(below: 2) == 0 { text += ending }
      checkAlike(text)
    }
  }
}

/// The rows each part of a text gives, counted from the threads that read them.
private final class PartCounts: @unchecked Sendable {
  private let lock = NSLock()
  private var counts: [Int] = []

  func add(_ part: Int) {
    lock.withLock {
      while counts.count <= part { counts.append(0) }
      counts[part] += 1
    }
  }

  var rows: [Int] { lock.withLock { counts } }
}

/// A small generator of pseudo-random numbers from a seed, so that the random files are the same
/// on every run.
private struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in `0..<bound`.
  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
