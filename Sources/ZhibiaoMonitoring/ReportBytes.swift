/// The bytes of report text, written through a pointer into memory this buffer owns and frees:
/// an append checks the room left once and copies, with no reference counting, no uniqueness
/// check and no string made, for reports of a million rows. It grows by doubling; a worker
/// keeps one for every chunk of rows it writes.
package struct ReportBytes: ~Copyable {
  /// The first byte.
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// The bytes written.
  private(set) var count = 0
  private var capacity: Int

  /// An empty buffer with room for `capacity` bytes.
  package init(capacity: Int = 1 << 16) {
    self.capacity = max(capacity, 64)
    base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written, valid until the next append.
  package var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Forgets the bytes written, keeping the memory.
  package mutating func removeAll() { count = 0 }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    reserve(bytes.count)
    if let start = bytes.baseAddress { Self.copy(bytes.count, from: start, to: UnsafeMutableRawPointer(base + count)) }
    count += bytes.count
  }

  /// Copies `length` bytes. The keys and fields of a row and the words of its reasons are mostly
  /// under 64 bytes, for which a call to `memmove` costs more than the copy: two overlapping words
  /// from each end do it.
  @inline(__always)
  private static func copy(_ length: Int, from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
    typealias Quad = (UInt64, UInt64, UInt64, UInt64)
    switch length {
    case 33...64:
      let head = source.loadUnaligned(as: Quad.self)
      let tail = source.loadUnaligned(fromByteOffset: length - 32, as: Quad.self)
      target.storeBytes(of: head, as: Quad.self)
      target.storeBytes(of: tail, toByteOffset: length - 32, as: Quad.self)
    case 16...32:
      let head = source.loadUnaligned(as: (UInt64, UInt64).self)
      let tail = source.loadUnaligned(fromByteOffset: length - 16, as: (UInt64, UInt64).self)
      target.storeBytes(of: head, as: (UInt64, UInt64).self)
      target.storeBytes(of: tail, toByteOffset: length - 16, as: (UInt64, UInt64).self)
    case 8..<16:
      let head = source.loadUnaligned(as: UInt64.self)
      let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
      target.storeBytes(of: head, as: UInt64.self)
      target.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
    case 4..<8:
      let head = source.loadUnaligned(as: UInt32.self)
      let tail = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
      target.storeBytes(of: head, as: UInt32.self)
      target.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
    case 0..<4:
      for index in 0..<length {
        target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
      }
    default:
      target.copyMemory(from: source, byteCount: length)
    }
  }

  /// Appends bytes worked out before (a field every row of an indicator shares).
  @inline(__always)
  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// Appends the text of a literal.
  @inline(__always)
  package mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
  }

  /// Appends the UTF-8 bytes of a string. (Not an overload of `append(_:)`, which would take a
  /// literal as a `String` rather than a `StaticString`.)
  mutating func append(utf8 text: String) {
    var text = text
    text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  /// Writes at most `limit` bytes at the end with `write`, which returns how many it wrote.
  @inline(__always)
  mutating func write(upTo limit: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    reserve(limit)
    count += write(base + count)
  }

  /// Removes the last `n` bytes.
  mutating func removeLast(_ n: Int = 1) {
    count -= min(n, count)
  }

  /// Removes the byte at `index`, moving the rest back by one.
  mutating func remove(at index: Int) {
    for position in index..<(count - 1) { base[position] = base[position + 1] }
    count -= 1
  }

  /// Inserts `byte` before the byte at `index`, moving the rest on by one.
  mutating func insert(_ byte: UInt8, at index: Int) {
    reserve(1)
    var position = count
    while position > index {
      base[position] = base[position - 1]
      position -= 1
    }
    base[index] = byte
    count += 1
  }

  /// Rewrites the bytes from `start` to the end: `expansion(byte)` is how many bytes `byte`
  /// becomes (1 for itself), and `rewrite(byte, at)` writes them at `at` and returns how many it
  /// wrote. Used to quote or escape a field written raw, when a byte of it needs it.
  mutating func expand(
    from start: Int, by expansion: (UInt8) -> Int, _ rewrite: (UInt8, UnsafeMutablePointer<UInt8>) -> Int
  ) {
    var extra = 0
    for index in start..<count { extra += expansion(base[index]) - 1 }
    guard extra > 0 else { return }
    reserve(extra)
    // From the last byte back, so that nothing is overwritten before it is read.
    var source = count
    var target = count + extra
    while source > start {
      source -= 1
      let byte = base[source]
      let width = expansion(byte)
      target -= width
      if width == 1 { base[target] = byte } else { _ = rewrite(byte, base + target) }
    }
    count += extra
  }
}
