/// The records of a ZIP archive (APPNOTE 4.3), each read only after its bytes are known to be
/// in the file, and each number checked before it is used as an offset or a size.
extension ZipArchive {
  enum Signature {
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let end: UInt32 = 0x0605_4B50
    static let zip64End: UInt32 = 0x0606_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50
  }

  /// Where the central directory is, and how many entries it holds.
  struct Directory {
    var count: UInt64
    var size: UInt64
    var offset: UInt64
  }

  /// The central directory as the end record (or its ZIP64 form) places it, within the file and
  /// ending before the end records.
  static func directory(_ bytes: [UInt8]) throws(ZipArchiveError) -> Directory {
    let reader = ByteReader(bytes: bytes)
    guard let end = endRecord(reader) else {
      throw .notAnArchive(
        reason: bytes.starts(with: [0x50, 0x4B]) ? "no end of central directory" : "not a ZIP archive")
    }
    guard reader.u16(end + 4) == 0, reader.u16(end + 6) == 0, reader.u16(end + 8) == reader.u16(end + 10) else {
      throw .notAnArchive(reason: "an archive split over several disks")
    }
    var directory = Directory(
      count: UInt64(reader.u16(end + 10)), size: UInt64(reader.u32(end + 12)), offset: UInt64(reader.u32(end + 16)))
    var limit = UInt64(end)
    if end >= 20, reader.u32(end - 20) == Signature.zip64Locator {
      let locator = end - 20
      let record = reader.u64(locator + 8)
      guard reader.u32(locator + 4) == 0, reader.u32(locator + 16) <= 1 else {
        throw .notAnArchive(reason: "an archive split over several disks")
      }
      guard record <= UInt64(locator), UInt64(locator) - record >= 56 else {
        throw .notAnArchive(reason: "the ZIP64 end record lies outside the file")
      }
      let start = Int(record)
      guard reader.u32(start) == Signature.zip64End else {
        throw .notAnArchive(reason: "no ZIP64 end record where its locator points")
      }
      guard reader.u32(start + 16) == 0, reader.u32(start + 20) == 0,
        reader.u64(start + 24) == reader.u64(start + 32)
      else {
        throw .notAnArchive(reason: "an archive split over several disks")
      }
      directory = Directory(count: reader.u64(start + 32), size: reader.u64(start + 40), offset: reader.u64(start + 48))
      limit = record
    }
    guard directory.offset <= limit, directory.size <= limit - directory.offset else {
      throw .notAnArchive(reason: "the central directory lies outside the file")
    }
    guard directory.count <= directory.size / 46 else {
      throw .notAnArchive(reason: "the central directory is too short for its \(directory.count) entries")
    }
    return directory
  }

  /// The position of the end of central directory record: the last signature in the final
  /// 64 KiB whose comment ends within the file.
  private static func endRecord(_ reader: ByteReader) -> Int? {
    let count = reader.bytes.count
    guard count >= 22 else { return nil }
    var position = count - 22
    let lowest = max(0, count - 22 - 0xFFFF)
    while position >= lowest {
      if reader.u32(position) == Signature.end, Int(reader.u16(position + 20)) <= count - position - 22 {
        return position
      }
      position -= 1
    }
    return nil
  }

  /// The central directory entry at `position` (which must end by `directoryEnd`), the offset
  /// of its local header, and the position of the next entry; its data must end by `dataEnd`.
  static func entry(_ bytes: [UInt8], at position: UInt64, directoryEnd: UInt64, dataEnd: UInt64)
    throws(ZipArchiveError) -> (Entry, localHeader: UInt64, next: UInt64)
  {
    let reader = ByteReader(bytes: bytes)
    guard directoryEnd - position >= 46, reader.u32(Int(position)) == Signature.centralHeader else {
      throw .notAnArchive(reason: "a damaged central directory at byte \(position)")
    }
    let start = Int(position)
    let nameLength = Int(reader.u16(start + 28))
    let extraLength = Int(reader.u16(start + 30))
    let commentLength = Int(reader.u16(start + 32))
    let length = UInt64(46 + nameLength + extraLength + commentLength)
    guard directoryEnd - position >= length else {
      throw .notAnArchive(reason: "a damaged central directory at byte \(position)")
    }
    let path = String(decoding: bytes[(start + 46)..<(start + 46 + nameLength)], as: UTF8.self)
    let flags = reader.u16(start + 8)
    guard flags & 1 == 0 else { throw .notAnArchive(reason: "\(path) is encrypted") }
    let method = reader.u16(start + 10)
    guard method == 0 || method == 8 else {
      throw .notAnArchive(reason: "\(path) is compressed by method \(method), neither stored nor deflated")
    }
    var sizes = try zip64Fields(
      reader, extra: (start + 46 + nameLength)..<(start + 46 + nameLength + extraLength), path: path,
      declared: [UInt64(reader.u32(start + 24)), UInt64(reader.u32(start + 20)), UInt64(reader.u32(start + 42))])
    let uncompressed = sizes.removeFirst()
    let compressed = sizes.removeFirst()
    let localHeader = sizes.removeFirst()
    guard reader.u16(start + 34) == 0 || reader.u16(start + 34) == 0xFFFF else {
      throw .notAnArchive(reason: "an archive split over several disks")
    }
    guard method == 8 || compressed == uncompressed else {
      throw .notAnArchive(reason: "\(path) is stored with two different sizes")
    }
    let dataOffset = try Self.localData(reader, at: localHeader, name: bytes[(start + 46)..<(start + 46 + nameLength)])
    guard dataOffset <= dataEnd, compressed <= dataEnd - dataOffset else {
      throw .notAnArchive(reason: "the data of \(path) lie outside the file")
    }
    let entry = Entry(
      path: path, deflated: method == 8, checksum: reader.u32(start + 16), compressedSize: compressed,
      uncompressedSize: uncompressed, dataOffset: Int(dataOffset))
    return (entry, localHeader, position + length)
  }

  /// The uncompressed size, compressed size and local header offset: each as declared, or from the
  /// ZIP64 extra field where the declared value is 0xFFFFFFFF, in that order.
  private static func zip64Fields(_ reader: ByteReader, extra: Range<Int>, path: String, declared: [UInt64])
    throws(ZipArchiveError) -> [UInt64]
  {
    var values = declared
    guard values.contains(0xFFFF_FFFF) else { return values }
    var position = extra.lowerBound
    while extra.upperBound - position >= 4 {
      let id = reader.u16(position)
      let size = Int(reader.u16(position + 2))
      guard extra.upperBound - position - 4 >= size else { break }
      if id == 1 {
        var field = position + 4
        for index in values.indices where values[index] == 0xFFFF_FFFF {
          guard position + 4 + size - field >= 8 else {
            throw .notAnArchive(reason: "the ZIP64 field of \(path) is too short")
          }
          values[index] = reader.u64(field)
          field += 8
        }
        return values
      }
      position += 4 + size
    }
    throw .notAnArchive(reason: "\(path) declares ZIP64 sizes but has no ZIP64 field")
  }

  /// Where the data of the entry whose local header is at `offset` begin; the header must be the
  /// entry's own, naming the same file.
  private static func localData(_ reader: ByteReader, at offset: UInt64, name: ArraySlice<UInt8>)
    throws(ZipArchiveError) -> UInt64
  {
    let count = UInt64(reader.bytes.count)
    guard offset <= count, count - offset >= 30, reader.u32(Int(offset)) == Signature.localHeader else {
      throw .notAnArchive(reason: "no local header at byte \(offset)")
    }
    let start = Int(offset)
    let nameLength = Int(reader.u16(start + 26))
    let extraLength = Int(reader.u16(start + 28))
    guard count - offset - 30 >= UInt64(nameLength + extraLength),
      reader.bytes[(start + 30)..<(start + 30 + nameLength)].elementsEqual(name)
    else {
      throw .notAnArchive(reason: "the local header at byte \(offset) names another file")
    }
    return offset + 30 + UInt64(nameLength + extraLength)
  }
}

/// Little-endian numbers read from bytes at positions already bounded by the caller.
struct ByteReader {
  let bytes: [UInt8]

  func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
  func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
  func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
