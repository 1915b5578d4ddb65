import CZlib
import Foundation

/// The inflated bytes of one entry of a ``ZipArchive``, a chunk at a time: how a sheet of a
/// million rows is read without holding its XML. Past the entry's declared size the stream fails
/// at once; at its end the size and the CRC-32 are checked.
public final class ZipEntryStream {
  /// The entry read.
  public let entry: ZipArchive.Entry
  private let bytes: [UInt8]
  private var stream = z_stream()
  private var consumed = 0
  private var produced: UInt64 = 0
  private var checksum = UInt32(truncatingIfNeeded: CZlib.crc32(0, nil, 0))
  private var inflated = false
  private var done = false

  init(entry: ZipArchive.Entry, bytes: [UInt8]) throws(ZipArchiveError) {
    self.entry = entry
    self.bytes = bytes
    guard entry.deflated else { return }
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .damagedEntry(path: entry.path)
    }
  }

  deinit {
    if entry.deflated { inflateEnd(&stream) }
  }

  /// Writes the next bytes into `buffer` and returns how many; 0 at the end, once the entry's
  /// size and checksum are found to be what it declares.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ZipArchiveError) -> Int {
    guard !done, buffer.count > 0 else { return 0 }
    let count = entry.deflated ? try inflate(into: buffer) : copy(into: buffer)
    guard count > 0 else {
      done = true
      guard produced == entry.uncompressedSize, checksum == entry.checksum else {
        throw .damagedEntry(path: entry.path)
      }
      return 0
    }
    produced += UInt64(count)
    guard produced <= entry.uncompressedSize else { throw .damagedEntry(path: entry.path) }
    checksum =
      CZlib.crc32(uLong(checksum), buffer.bindMemory(to: UInt8.self).baseAddress, UInt32(count))
      .truncatedToUInt32
    return count
  }

  /// The stored bytes, as they are.
  private func copy(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    let count = min(buffer.count, Int(entry.compressedSize) - consumed)
    guard count > 0 else { return 0 }
    let start = entry.dataOffset + consumed
    bytes.withUnsafeBytes { source in
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<start + count]))
    }
    consumed += count
    return count
  }

  /// The next inflated bytes; 0 once the deflate stream has ended.
  private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(ZipArchiveError) -> Int {
    guard !inflated else { return 0 }
    let available = Int(entry.compressedSize) - consumed
    let space = UInt32(min(buffer.count, Int(UInt32.max)))
    var status = Z_OK
    var written = 0
    bytes.withUnsafeBufferPointer { source in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + entry.dataOffset + consumed })
      stream.avail_in = UInt32(min(available, Int(UInt32.max)))
      stream.next_out = buffer.bindMemory(to: UInt8.self).baseAddress
      stream.avail_out = space
      let before = stream.avail_in
      // Until some bytes come out, the input runs out, or the stream ends.
      repeat {
        status = CZlib.inflate(&stream, Z_NO_FLUSH)
      } while status == Z_OK && stream.avail_out == space && stream.avail_in > 0
      consumed += Int(before - stream.avail_in)
      written = Int(space - stream.avail_out)
    }
    switch status {
    case Z_STREAM_END: inflated = true
    case Z_OK where written > 0: break
    default: throw .damagedEntry(path: entry.path)
    }
    return written
  }
}

extension UInt {
  fileprivate var truncatedToUInt32: UInt32 { UInt32(truncatingIfNeeded: self) }
}

extension ZipArchive {
  /// The entry's inflated bytes as a stream, a chunk at a time.
  public func stream(_ entry: Entry) throws(ZipArchiveError) -> ZipEntryStream {
    try ZipEntryStream(entry: entry, bytes: bytes)
  }
}
