import Foundation

/// The bytes of a workbook part as Foundation's XML parser reads them: taken a chunk at a time
/// from `next` (an entry inflating, or bytes in memory) and checked as UTF-8 on the way, so that
/// a part is never held whole and the parser never sees a name that is not UTF-8 (it stops the
/// process on one). A part that starts with a UTF-16 byte order mark is passed as it is.
///
/// The first problem — bytes that are not UTF-8, an entry that does not inflate to what it
/// declares — ends the stream early and is kept in `failure`, which the reader reports instead of
/// whatever the parser made of the cut-short part.
final class PartStream: InputStream {
  private let next: (UnsafeMutableRawBufferPointer) throws(WorkbookError) -> Int
  private let part: String
  private var check = UTF8Check()
  private var start: [UInt8] = []
  private var utf16 = false
  private var ended = false
  /// Why the stream ended early, if it did.
  private(set) var failure: WorkbookError?

  /// A stream of part `part` whose chunks `next` writes into the buffer it is given, returning
  /// how many bytes it wrote, 0 at the end.
  init(part: String, next: @escaping (UnsafeMutableRawBufferPointer) throws(WorkbookError) -> Int) {
    self.part = part
    self.next = next
    super.init(data: Data())
  }

  /// A stream of `data`, the part `part`.
  convenience init(part: String, data: Data) {
    var offset = 0
    self.init(part: part) { buffer in
      let count = min(buffer.count, data.count - offset)
      guard count > 0 else { return 0 }
      data.withUnsafeBytes { bytes in
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
      }
      offset += count
      return count
    }
  }

  override func open() {}
  override func close() {}
  override var hasBytesAvailable: Bool { !ended }

  override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
    guard !ended, length > 0 else { return 0 }
    let chunk = UnsafeMutableRawBufferPointer(start: buffer, count: length)
    let count: Int
    do {
      count = try next(chunk)
    } catch {
      return end(error)
    }
    let bytes = UnsafeRawBufferPointer(rebasing: chunk[..<count])
    if start.count < 2 {
      start += bytes.prefix(2 - start.count)
      utf16 = XMLEvents.isUTF16(Data(start))
    }
    guard count > 0 else {
      ended = true
      if !utf16, !check.isComplete { return end(Self.notUTF8(part)) }
      return 0
    }
    if !utf16, !check.feed(bytes) { return end(Self.notUTF8(part)) }
    return count
  }

  private func end(_ error: WorkbookError) -> Int {
    ended = true
    failure = error
    return 0
  }

  static func notUTF8(_ part: String) -> WorkbookError {
    .malformedPart(entry: part, line: 1, reason: "it is not valid UTF-8 text")
  }
}
