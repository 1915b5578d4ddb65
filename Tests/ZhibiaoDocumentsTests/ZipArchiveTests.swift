import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoWorkspace

/// The ZIP container of workbooks and letters: what this writer writes and other programs' ZIP64
/// forms are read back exactly; every number of a hostile archive that points outside the file
/// is refused with its reason, before anything is inflated.
@Suite("Reading and writing ZIP archives")
struct ZipArchiveTests {
  static let parts: [(String, Data)] = [
    ("[Content_Types].xml", Data(String(repeating: "<Types/>", count: 200).utf8)),
    ("xl/目录/说明.txt", Data("统计口径：增加值，亿元".utf8)),
    ("empty", Data()),
  ]

  static func archive(stored: Bool = false) throws -> Data {
    var writer = ZipArchiveWriter(modified: Date(timeIntervalSince1970: 1_733_400_000))
    for (path, data) in parts { try writer.add(path, data: data, stored: stored) }
    return writer.data
  }

  static func notAnArchive(_ bytes: [UInt8], because reason: String) {
    #expect {
      _ = try ZipArchive(data: Data(bytes))
    } throws: { error in
      guard case ZipArchiveError.notAnArchive(let given) = error else { return false }
      return given.contains(reason)
    }
  }

  /// Writes `value` little-endian over `count` bytes at `offset`.
  static func patch(_ bytes: inout [UInt8], at offset: Int, _ value: UInt64, count: Int) {
    for index in 0..<count { bytes[offset + index] = UInt8((value >> (8 * UInt64(index))) & 0xFF) }
  }

  /// The positions of `signature` in `bytes`.
  static func positions(of signature: [UInt8], in bytes: [UInt8]) -> [Int] {
    (0...(bytes.count - signature.count)).filter { bytes[$0..<$0 + signature.count].elementsEqual(signature) }
  }

  static let centralHeader: [UInt8] = [0x50, 0x4B, 0x01, 0x02]

  @Test(
    "Entries written deflated or stored read back byte for byte, in order, with UTF-8 names", arguments: [false, true])
  func roundTrip(stored: Bool) throws {
    let archive = try ZipArchive(data: Self.archive(stored: stored))
    #expect(archive.entries.map(\.path) == Self.parts.map(\.0))
    for (path, data) in Self.parts {
      let entry = try #require(archive[path])
      #expect(entry.deflated == !stored)
      #expect(try archive.data(entry) == data)
    }
    let first = try #require(archive.entries.first)
    #expect(stored ? first.compressedSize == 1_600 : first.compressedSize < 100)
    #expect(archive["missing"] == nil)
  }

  @Test("Python's ZIP64 end record, locator and extra fields are read as the plain forms are")
  func zip64() throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    let zip64 = try ZipArchive(url: fixtures.appendingPathComponent("zipfile-zip64-observations.xlsx"))
    let plain = try ZipArchive(url: fixtures.appendingPathComponent("openpyxl-observations.xlsx"))
    #expect(zip64.entries.map(\.path) == plain.entries.map(\.path))
    for entry in plain.entries {
      #expect(try zip64.data(try #require(zip64[entry.path])) == plain.data(entry))
    }
    let table = try ImportFile.workbookTable(
      url: fixtures.appendingPathComponent("zipfile-zip64-observations.xlsx"), file: "zip64.xlsx", sheet: nil)
    let expected = try ImportFile.workbookTable(
      url: fixtures.appendingPathComponent("openpyxl-observations.xlsx"), file: "zip64.xlsx", sheet: nil)
    #expect(table.rows.map(\.fields) == expected.rows.map(\.fields))
    #expect(table.rows.count > 5)
  }

  @Test("A ZIP64 record, directory or local header placed outside the file is refused, not followed")
  func zip64OutsideTheFile() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/zipfile-zip64-observations.xlsx")
    let bytes = [UInt8](try Data(contentsOf: fixture))
    let locator = try #require(Self.positions(of: [0x50, 0x4B, 0x06, 0x07], in: bytes).last)
    let record = try #require(Self.positions(of: [0x50, 0x4B, 0x06, 0x06], in: bytes).last)

    var far = bytes
    Self.patch(&far, at: locator + 8, 0xFFFF_FFFF_FFFF_FFF0, count: 8)
    Self.notAnArchive(far, because: "ZIP64 end record lies outside the file")

    var directory = bytes
    Self.patch(&directory, at: record + 48, 0x8000_0000_0000_0000, count: 8)
    Self.notAnArchive(directory, because: "central directory lies outside the file")

    var count = bytes
    Self.patch(&count, at: record + 32, 0x7FFF_FFFF_FFFF_FFFF, count: 8)
    Self.patch(&count, at: record + 24, 0x7FFF_FFFF_FFFF_FFFF, count: 8)
    Self.notAnArchive(count, because: "too short for its")

    // The second entry keeps its local header offset in its ZIP64 field (after the two sizes).
    let second = Self.positions(of: Self.centralHeader, in: bytes)[1]
    let extra = second + 46 + (Int(bytes[second + 28]) | Int(bytes[second + 29]) << 8)
    var local = bytes
    Self.patch(&local, at: extra + 4 + 16, 0xFFFF_FFFF_FFFF_FF00, count: 8)
    Self.notAnArchive(local, because: "no local header at byte")
  }

  @Test("The crash a fuzzer found — a ZIP64 directory offset beyond 2^63 — is refused")
  func fuzzedZip64() throws {
    let crash = try #require(
      Data(
        base64Encoded:
          "UMZQSwYGE3Npdtu0mYTtTh+FEViNhO1OH4URWI1seQUFS1C/R1tseQAAEXS/R1tgVpvgJzszaLcUwVBLBgdudGVudF9UeXBlc10ueG1sUEsFBgAAAAAK27SZhO1OH4URWAAAAA=="
      ))
    #expect(throws: ZipArchiveError.self) { try ZipArchive(data: crash) }
    #expect {
      _ = try Workbook(data: crash, file: "crash.xlsx")
    } throws: { error in
      guard case WorkbookError.notAWorkbook = error else { return false }
      return true
    }
  }

  @Test("Overlapping entries, two of one name, a foreign local header, encryption and other methods are refused")
  func hostileEntries() throws {
    let bytes = [UInt8](try Self.archive())
    let headers = Self.positions(of: Self.centralHeader, in: bytes)

    var overlapping = bytes
    let secondLocal = Int(bytes[headers[1] + 42]) | Int(bytes[headers[1] + 43]) << 8
    Self.patch(&overlapping, at: headers[0] + 20, UInt64(secondLocal), count: 4)
    Self.patch(&overlapping, at: headers[0] + 24, UInt64(secondLocal), count: 4)
    Self.notAnArchive(overlapping, because: "entries overlap")

    var writer = ZipArchiveWriter()
    try writer.add("a.xml", data: Data("1".utf8))
    try writer.add("a.xml", data: Data("2".utf8))
    Self.notAnArchive([UInt8](writer.data), because: "two entries are named a.xml")

    var foreign = bytes
    Self.patch(&foreign, at: headers[2] + 42, UInt64(secondLocal), count: 4)
    Self.notAnArchive(foreign, because: "names another file")

    var encrypted = bytes
    encrypted[headers[0] + 8] |= 1
    Self.notAnArchive(encrypted, because: "[Content_Types].xml is encrypted")

    var bzip2 = bytes
    Self.patch(&bzip2, at: headers[0] + 10, 12, count: 2)
    Self.notAnArchive(bzip2, because: "method 12")

    Self.notAnArchive(Array("indicator,org".utf8), because: "not a ZIP archive")
  }

  @Test("Data that inflate to other bytes than declared are a damaged entry")
  func damagedData() throws {
    var bytes = [UInt8](try Self.archive(stored: true))
    let local = try #require(Self.positions(of: [0x50, 0x4B, 0x03, 0x04], in: bytes).first)
    bytes[local + 30 + 19 + 3] ^= 0x20
    let archive = try ZipArchive(data: Data(bytes))
    let entry = try #require(archive["[Content_Types].xml"])
    #expect(throws: ZipArchiveError.damagedEntry(path: "[Content_Types].xml")) { try archive.data(entry) }
  }

  /// The bytes of `entry` read from its stream in chunks of `size`.
  static func streamed(_ archive: ZipArchive, _ entry: ZipArchive.Entry, chunk size: Int) throws -> Data {
    let stream = try archive.stream(entry)
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: size)
    while true {
      let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
      if count == 0 { return data }
      data.append(contentsOf: buffer[..<count])
    }
  }

  @Test("An entry read as a stream, in chunks of any size, is the entry read whole", arguments: [false, true])
  func streams(stored: Bool) throws {
    let archive = try ZipArchive(data: Self.archive(stored: stored))
    for entry in archive.entries {
      for size in [1, 7, 4096] {
        #expect(try Self.streamed(archive, entry, chunk: size) == archive.data(entry), "\(entry.path), \(size)")
      }
    }
  }

  @Test("A stream fails on data that inflate past their declared size, or short of it, or to another checksum")
  func streamDamage() throws {
    let bytes = [UInt8](try Self.archive())
    let header = try #require(Self.positions(of: Self.centralHeader, in: bytes).first)
    let declared = Int(bytes[header + 24]) | Int(bytes[header + 25]) << 8
    for (offset, value) in [(24, declared - 10), (24, declared + 10), (16, 0x1234)] {
      var changed = bytes
      Self.patch(&changed, at: header + offset, UInt64(value), count: 4)
      let archive = try ZipArchive(data: Data(changed))
      let entry = try #require(archive.entries.first)
      #expect(throws: ZipArchiveError.damagedEntry(path: entry.path)) {
        _ = try Self.streamed(archive, entry, chunk: 64)
      }
    }
  }

  @Test("Every cut and every changed byte of an archive is read or refused, never a crash")
  func everyDamage() throws {
    let bytes = [UInt8](try Self.archive())
    var refused = 0
    var damaged: [[UInt8]] = (0..<bytes.count).map { Array(bytes.prefix($0)) }
    for position in bytes.indices {
      for value: UInt8 in [0x00, 0xFF, bytes[position] ^ 0x80] where value != bytes[position] {
        var changed = bytes
        changed[position] = value
        damaged.append(changed)
      }
    }
    for candidate in damaged {
      do {
        let archive = try ZipArchive(data: Data(candidate))
        for entry in archive.entries { _ = try? archive.data(entry) }
      } catch {
        refused += 1
      }
    }
    #expect(refused >= bytes.count, "every cut short archive is refused")
  }
}
