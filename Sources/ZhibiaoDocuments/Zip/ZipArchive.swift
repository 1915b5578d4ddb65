import CZlib
import Foundation

/// A ZIP archive read from its bytes — the container of `.xlsx` and `.docx` files.
///
/// The whole structure is checked when the archive is opened, before anything is inflated, and
/// every number in it is checked against the bytes that are there: the end record (and its ZIP64
/// form), each entry of the central directory, and each entry's local header. An offset or a size
/// that points outside the file, entries whose data overlap (the trick of non-recursive zip
/// bombs), two entries of one name, a local header that names another file, an encrypted entry or
/// one compressed other than stored or deflated are all refused here, with the reason. Nothing
/// later reads a byte it has not bounded first, so a crafted file can be refused but cannot stop
/// the process.
public struct ZipArchive: Sendable {
  /// One entry, as the central directory declares it.
  public struct Entry: Sendable, Equatable {
    /// The entry's name in the archive (UTF-8; a name in another encoding is read as UTF-8 with
    /// replacement characters and so matches no part a reader asks for).
    public let path: String
    /// Whether the entry is deflated (else stored).
    public let deflated: Bool
    /// The CRC-32 of the inflated bytes.
    public let checksum: UInt32
    /// The size of the entry's data in the archive.
    public let compressedSize: UInt64
    /// The size the entry inflates to.
    public let uncompressedSize: UInt64
    /// Where the entry's data start in the archive.
    let dataOffset: Int
  }

  /// The most bytes one entry may inflate to: 1 GiB.
  public static let maximumEntrySize: UInt64 = 1 << 30

  /// The entries in the order of the central directory.
  public let entries: [Entry]
  let bytes: [UInt8]
  private let index: [String: Int]

  /// Reads the archive at `url`.
  public init(url: URL) throws(ZipArchiveError) {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw .notAnArchive(reason: "the file cannot be read (\(error.localizedDescription))")
    }
    try self.init(data: data)
  }

  /// Reads the archive held in `data`.
  public init(data: Data) throws(ZipArchiveError) {
    let bytes = [UInt8](data)
    let directory = try Self.directory(bytes)
    var entries: [Entry] = []
    var index: [String: Int] = [:]
    var spans: [(start: UInt64, end: UInt64)] = []
    var position = directory.offset
    let end = directory.offset + directory.size
    entries.reserveCapacity(Int(directory.count))
    for _ in 0..<directory.count {
      let (entry, localHeader, next) = try Self.entry(bytes, at: position, directoryEnd: end, dataEnd: directory.offset)
      guard index.updateValue(entries.count, forKey: entry.path) == nil else {
        throw .notAnArchive(reason: "two entries are named \(entry.path)")
      }
      entries.append(entry)
      spans.append((localHeader, UInt64(entry.dataOffset) + entry.compressedSize))
      position = next
    }
    spans.sort { $0.start < $1.start }
    for (earlier, later) in zip(spans, spans.dropFirst()) where later.start < earlier.end {
      throw .notAnArchive(reason: "entries overlap at byte \(later.start)")
    }
    self.bytes = bytes
    self.entries = entries
    self.index = index
  }

  /// The entry named `path`, if the archive has one.
  public subscript(path: String) -> Entry? {
    index[path].map { entries[$0] }
  }

  /// The inflated bytes of `entry`, checked against its declared size and CRC-32.
  /// An entry that declares more than `maximumEntrySize` bytes (1 GiB) is refused unread. The
  /// bytes are those of ``stream(_:)``, read into one buffer of the declared size.
  public func data(_ entry: Entry) throws(ZipArchiveError) -> Data {
    guard entry.uncompressedSize <= Self.maximumEntrySize else {
      throw .entryTooLarge(path: entry.path, size: entry.uncompressedSize)
    }
    let stream = try self.stream(entry)
    var output = Data(count: Int(entry.uncompressedSize))
    var filled = 0
    var spare: UInt8 = 0
    while true {
      // Once the buffer is full, one more read into a spare byte checks the end: nothing more,
      // and the size and checksum as declared.
      let count: Int
      do {
        count =
          filled < output.count
          ? try output.withUnsafeMutableBytes {
            try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
          }
          : try withUnsafeMutableBytes(of: &spare) { try stream.read(into: $0) }
      } catch let error as ZipArchiveError {
        throw error
      } catch {
        throw .damagedEntry(path: entry.path)
      }
      if count == 0 { break }
      filled += count
    }
    guard filled == output.count else { throw .damagedEntry(path: entry.path) }
    return output
  }

  /// The CRC-32 of `bytes`, as ZIP records it.
  static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var checksum = CZlib.crc32(0, nil, 0)
    let base = bytes.bindMemory(to: UInt8.self).baseAddress
    var done = 0
    while done < bytes.count {
      let length = min(bytes.count - done, Int(UInt32.max))
      checksum = CZlib.crc32(checksum, base.map { $0 + done }, UInt32(length))
      done += length
    }
    return UInt32(truncatingIfNeeded: checksum)
  }
}

/// Why bytes cannot be read as a ZIP archive, or one of its entries cannot be inflated.
public enum ZipArchiveError: Error, Sendable, Equatable {
  /// The bytes are not a ZIP archive this reader accepts; `reason` says which part is wrong.
  case notAnArchive(reason: String)
  /// The entry declares more than `ZipArchive.maximumEntrySize` bytes.
  case entryTooLarge(path: String, size: UInt64)
  /// The entry's data do not inflate to its declared size and checksum.
  case damagedEntry(path: String)
}
