import Foundation
import ZIPFoundation

/// The ZIP archive of a workbook, checked against zip bombs before anything is inflated.
///
/// The sizes come from the archive's central directory: an archive whose entries declare more
/// than `maximumTotalSize` bytes in all, or an entry that declares more than `maximumRatio`
/// times its compressed size, is refused unread. An entry that then inflates to more than it
/// declared is refused as it inflates, so a lying directory cannot get past the limits.
struct WorkbookArchive {
  /// The most bytes the entries may inflate to in all: 100 MB.
  static let maximumTotalSize: UInt64 = 100_000_000
  /// The largest ratio of an entry's inflated to its compressed size.
  static let maximumRatio: UInt64 = 100

  private let archive: Archive

  /// Opens the archive at `url` and checks the sizes its central directory declares.
  init(url: URL) throws(WorkbookError) {
    try self.init { try Archive(url: url, accessMode: .read) }
  }

  /// Opens the archive held in `data` and checks the sizes its central directory declares.
  ///
  /// The bytes are read from a temporary file, removed as soon as it is open, rather than from
  /// memory: ZIPFoundation's in-memory archive traps on a seek past the end of the bytes (an
  /// offset in a damaged directory), which would stop the whole process on one crafted upload,
  /// and it leaks on archives it cannot open. Read from a file, such an offset reads nothing.
  init(data: Data) throws(WorkbookError) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-\(UUID().uuidString).zip")
    do {
      try data.write(to: url, options: .withoutOverwriting)
    } catch {
      throw .notAWorkbook(reason: "it could not be held for reading (\(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(at: url) }
    try self.init { try Archive(url: url, accessMode: .read) }
  }

  private init(opening: () throws -> Archive) throws(WorkbookError) {
    do {
      archive = try opening()
    } catch {
      throw .notAWorkbook(reason: "not a ZIP archive")
    }
    try Self.checkSizes(archive)
  }

  private static func checkSizes(_ archive: Archive) throws(WorkbookError) {
    var total: UInt64 = 0
    for entry in archive {
      let size = entry.uncompressedSize
      let (sum, overflow) = total.addingReportingOverflow(size)
      total = overflow ? .max : sum
      if total > maximumTotalSize { throw .tooLarge(total: total, limit: maximumTotalSize) }
      let compressed = entry.compressedSize
      let (bound, beyond) = compressed.multipliedReportingOverflow(by: maximumRatio)
      if !beyond, size > bound {
        throw .compressionRatio(entry: entry.path, ratio: size / max(compressed, 1), limit: maximumRatio)
      }
    }
  }

  /// The inflated bytes of the entry at `path`, or nil when the archive has none.
  func data(_ path: String) throws(WorkbookError) -> Data? {
    guard let entry = archive[path] else { return nil }
    let declared = entry.uncompressedSize
    var data = Data(capacity: Int(declared))
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        guard UInt64(data.count) + UInt64(chunk.count) <= declared else {
          throw WorkbookError.damagedEntry(entry: path)
        }
        data.append(chunk)
      }
    } catch {
      throw .damagedEntry(entry: path)
    }
    return data
  }
}
