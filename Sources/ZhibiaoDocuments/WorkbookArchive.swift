import Foundation

/// The ZIP archive of a workbook, checked against zip bombs before anything is inflated.
///
/// `ZipArchive` has already refused any structure that points outside the file. The sizes
/// come from the archive's central directory: an archive whose parts held in memory (all but
/// the worksheets) declare more than `maximumTotalSize` bytes in all, a worksheet that declares
/// more than `maximumSheetSize`, or an entry that declares more than `maximumRatio` times its
/// compressed size, is refused unread. A worksheet is never held: it is inflated a chunk at a
/// time as its XML is read, so a sheet of a million rows takes the memory of its rows' fields,
/// not of its XML. An entry that inflates to more than it declared is refused as it inflates,
/// so a lying directory cannot get past the limits.
struct WorkbookArchive {
  /// The most bytes the parts held in memory may inflate to in all: 100 MB.
  static let maximumTotalSize: UInt64 = 100_000_000
  /// The most bytes one worksheet, read as a stream, may inflate to: 1 GB, several times the XML
  /// of Excel's largest sheet of the import's columns (1,048,576 rows).
  static let maximumSheetSize: UInt64 = 1_000_000_000
  /// The largest ratio of an entry's inflated to its compressed size.
  static let maximumRatio: UInt64 = 100

  private let archive: ZipArchive

  /// Opens the archive at `url` and checks the sizes its central directory declares.
  init(url: URL) throws(WorkbookError) {
    try self.init { () throws(ZipArchiveError) in try ZipArchive(url: url) }
  }

  /// Opens the archive held in `data` and checks the sizes its central directory declares.
  init(data: Data) throws(WorkbookError) {
    try self.init { () throws(ZipArchiveError) in try ZipArchive(data: data) }
  }

  private init(opening: () throws(ZipArchiveError) -> ZipArchive) throws(WorkbookError) {
    do {
      archive = try opening()
    } catch {
      throw .notAWorkbook(reason: Self.reason(error))
    }
    try Self.checkSizes(archive)
  }

  private static func reason(_ error: ZipArchiveError) -> String {
    switch error {
    case .notAnArchive(let reason): reason
    case .entryTooLarge(let path, let size): "\(path) would inflate to \(size) bytes"
    case .damagedEntry(let path): "\(path) is damaged"
    }
  }

  private static func checkSizes(_ archive: ZipArchive) throws(WorkbookError) {
    var total: UInt64 = 0
    for entry in archive.entries {
      let size = entry.uncompressedSize
      if isWorksheet(entry.path) {
        if size > maximumSheetSize { throw .tooLarge(total: size, limit: maximumSheetSize) }
      } else {
        let (sum, overflow) = total.addingReportingOverflow(size)
        total = overflow ? .max : sum
        if total > maximumTotalSize { throw .tooLarge(total: total, limit: maximumTotalSize) }
      }
      let compressed = entry.compressedSize
      let (bound, beyond) = compressed.multipliedReportingOverflow(by: maximumRatio)
      if !beyond, size > bound {
        throw .compressionRatio(entry: entry.path, ratio: size / max(compressed, 1), limit: maximumRatio)
      }
    }
  }

  /// Whether the entry at `path` is a worksheet, which is read as a stream and never held.
  static func isWorksheet(_ path: String) -> Bool {
    path.hasPrefix("xl/worksheets/") && path.hasSuffix(".xml")
  }

  /// The entry at `path` as a stream of its XML, inflated a chunk at a time; nil when the archive
  /// has none.
  func stream(_ path: String) throws(WorkbookError) -> PartStream? {
    guard let entry = archive[path] else { return nil }
    let inflating: ZipEntryStream
    do {
      inflating = try archive.stream(entry)
    } catch {
      throw .damagedEntry(entry: path)
    }
    return PartStream(part: path) { buffer throws(WorkbookError) in
      do {
        return try inflating.read(into: buffer)
      } catch {
        throw .damagedEntry(entry: path)
      }
    }
  }

  /// The inflated bytes of the entry at `path`, or nil when the archive has none. A worksheet is
  /// read by ``stream(_:)`` instead: held whole, it would not be bounded by `maximumTotalSize`.
  func data(_ path: String) throws(WorkbookError) -> Data? {
    guard let entry = archive[path] else { return nil }
    guard !Self.isWorksheet(path) else { throw .tooLarge(total: entry.uncompressedSize, limit: Self.maximumTotalSize) }
    do {
      return try archive.data(entry)
    } catch {
      throw .damagedEntry(entry: path)
    }
  }
}
