import CZlib
import Foundation

/// A ZIP archive built in memory, entry by entry: each entry deflated (or stored), named in UTF-8,
/// and dated; `data` adds the central directory and the end record. Archives are the size of
/// documents, so the ZIP64 forms are never needed: more than 65,535 entries or 4 GiB is refused.
public struct ZipArchiveWriter: Sendable {
  private var body: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0
  private let time: UInt16
  private let date: UInt16

  /// An empty archive whose entries are dated `modified` (in UTC, to the two seconds ZIP keeps).
  public init(modified: Date = Date()) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
    let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
    date = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
    time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
  }

  /// Adds the entry `path` holding `data`, deflated unless `stored`.
  public mutating func add(_ path: String, data: Data, stored: Bool = false) throws(ZipArchiveError) {
    let name = Array(path.utf8)
    let packed: [UInt8]? = stored ? nil : Self.deflate(data)
    let content = packed ?? [UInt8](data)
    let offset = body.count
    guard count < 0xFFFF, name.count <= 0xFFFF, data.count < 0xFFFF_FFFF,
      offset + 30 + name.count + content.count < 0xFFFF_FFFF
    else {
      throw .notAnArchive(reason: "more than a ZIP archive without ZIP64 holds")
    }
    let checksum = data.withUnsafeBytes { ZipArchive.crc32($0) }
    let method: UInt16 = packed == nil ? 0 : 8
    // Version 2.0 needed; bit 11: the name is UTF-8.
    let common: [UInt8] =
      Self.short(20, 0x0800, method, time, date) + Self.long(checksum, UInt32(content.count), UInt32(data.count))
      + Self.short(UInt16(name.count), 0)
    body += Self.long(ZipArchive.Signature.localHeader) + common + name + content
    // Made by version 2.0; no comment, disk 0, no attributes; then where the local header is.
    directory +=
      Self.long(ZipArchive.Signature.centralHeader) + Self.short(20) + common + Self.short(0, 0, 0)
      + Self.long(0, UInt32(offset)) + name
    count += 1
  }

  /// The archive's bytes: the entries, the central directory and the end record.
  public var data: Data {
    let end =
      Self.long(ZipArchive.Signature.end) + Self.short(0, 0, UInt16(count), UInt16(count))
      + Self.long(UInt32(directory.count), UInt32(body.count)) + Self.short(0)
    return Data(body + directory + end)
  }

  /// `data` as raw deflate, or nil when deflating fails.
  private static func deflate(_ data: Data) -> [UInt8]? {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))))
    let status = data.withUnsafeBytes { input in
      output.withUnsafeMutableBufferPointer { out in
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
        stream.avail_in = UInt32(input.count)
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        return CZlib.deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { return nil }
    return Array(output.prefix(Int(stream.total_out)))
  }

  private static func short(_ values: UInt16...) -> [UInt8] {
    values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  private static func long(_ values: UInt32...) -> [UInt8] {
    values.flatMap { value in (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
  }
}
