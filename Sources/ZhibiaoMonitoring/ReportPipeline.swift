import Foundation

/// A report's rows formatted in chunks by a worker on each processor and handed on in order.
///
/// A worker takes the next chunk not yet taken, formats it into its place in a ring of buffers
/// and takes another; the writer hands on the chunks in order as they are done. Nobody waits for
/// a round of chunks to finish: a worker waits only when the ring is full (the writer is behind),
/// the writer only when the next chunk is not formatted yet. So the processors stay busy while
/// the bytes go out, and the memory held is the ring's, whatever the report's length.
final class ReportPipeline: @unchecked Sendable {
  let text: ReportLineText
  let format: MonitoringReportWriter.Format
  /// The threads that format chunks.
  let workers: Int
  /// The rows of a chunk.
  let chunkRows: Int
  /// The chunks that cover the monitor's rows.
  let chunkCount: Int
  /// The buffers of the ring: chunk c is formatted into buffer c % slots.
  private let slots: Int
  private let buffers: UnsafeMutablePointer<ReportBytes>
  /// The rows written into each buffer.
  private let counts: UnsafeMutablePointer<Int>

  /// Guards what follows, and wakes whoever waits on it.
  private let condition = NSCondition()
  /// The next chunk a worker takes.
  private var nextChunk = 0
  /// The chunk each buffer holds, formatted; −1 while it holds none.
  private var formatted: [Int]
  /// The chunks handed on: buffer c % slots is free for chunk c once chunk c − slots is.
  private var handedOn = 0
  /// Set when the writer stops early (its sink threw): the workers take no more chunks.
  private var stopped = false
  /// The workers still running.
  private var running = 0

  /// A pipeline of `workers` threads formatting `text`'s monitor in `format`, `chunkRows` rows at
  /// a time, with four buffers per worker.
  init(text: ReportLineText, format: MonitoringReportWriter.Format, workers: Int, chunkRows: Int) {
    self.text = text
    self.format = format
    self.workers = max(workers, 1)
    self.chunkRows = chunkRows
    chunkCount = (text.monitor.rows.count + chunkRows - 1) / chunkRows
    slots = max(1, min(4 * self.workers, chunkCount))
    buffers = UnsafeMutablePointer<ReportBytes>.allocate(capacity: slots)
    for index in 0..<slots { (buffers + index).initialize(to: ReportBytes(capacity: 1 << 20)) }
    counts = UnsafeMutablePointer<Int>.allocate(capacity: slots)
    counts.initialize(repeating: 0, count: slots)
    formatted = Array(repeating: -1, count: slots)
  }

  deinit {
    buffers.deinitialize(count: slots)
    buffers.deallocate()
    counts.deallocate()
  }

  /// Hands `body` the bytes of each chunk in order, with the rows they hold, on the calling
  /// thread. When `body` throws, the workers stop after the chunk each is formatting and the
  /// error is rethrown once they have.
  func run(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) rethrows {
    guard workers > 1 && chunkCount > 1 else {
      for chunk in 0..<chunkCount {
        formatChunk(chunk, into: 0)
        try body(buffers[0].bytes, counts[0])
      }
      return
    }
    running = workers
    for _ in 0..<workers {
      let thread = Thread { [self] in work() }
      thread.name = "report-writer"
      thread.start()
    }
    defer { finish() }
    for chunk in 0..<chunkCount {
      let slot = chunk % slots
      condition.lock()
      while formatted[slot] != chunk { condition.wait() }
      condition.unlock()
      try body(buffers[slot].bytes, counts[slot])
      condition.lock()
      formatted[slot] = -1
      handedOn = chunk + 1
      condition.broadcast()
      condition.unlock()
    }
  }

  /// Stops the workers that are left and waits until none runs.
  private func finish() {
    condition.lock()
    stopped = true
    condition.broadcast()
    while running > 0 { condition.wait() }
    condition.unlock()
  }

  /// A worker: takes chunks in turn until none is left or the writer stops.
  private func work() {
    condition.lock()
    while !stopped && nextChunk < chunkCount {
      let chunk = nextChunk
      nextChunk += 1
      while !stopped && chunk - slots >= handedOn { condition.wait() }
      guard !stopped else { break }
      condition.unlock()
      formatChunk(chunk, into: chunk % slots)
      condition.lock()
      formatted[chunk % slots] = chunk
      condition.broadcast()
    }
    running -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Formats chunk `chunk` into buffer `slot`, which nobody else touches meanwhile.
  private func formatChunk(_ chunk: Int, into slot: Int) {
    let rowCount = text.monitor.rows.count
    let from = chunk * chunkRows
    // Formatted into a buffer on this thread's stack, not in place: the buffers of the ring share
    // cache lines, and a count written there at every append would be fought over by the workers.
    var buffer = (buffers + slot).move()
    buffer.removeAll()
    counts[slot] = text.append(from..<min(from + chunkRows, rowCount), format, to: &buffer)
    (buffers + slot).initialize(to: buffer)
  }
}
