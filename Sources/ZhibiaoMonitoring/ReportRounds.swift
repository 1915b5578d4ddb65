import Dispatch

/// A report's rows formatted a round at a time: each round is one chunk of rows for each worker,
/// formatted at once, into one of two sets of buffers, so that the next round is formatted while
/// the bytes of the last one are handed on.
final class ReportRounds: @unchecked Sendable {
  let text: ReportLineText
  let format: MonitoringReportWriter.Format
  /// The chunks of a round, each formatted by its own worker.
  let workers: Int
  /// The rows of a chunk.
  let chunkRows: Int
  /// Two sets of `workers` buffers, and the rows written into each. A worker touches only its
  /// own buffer; the writer reads a set only once its round is done.
  private let buffers: UnsafeMutablePointer<ReportBytes>
  private let counts: UnsafeMutablePointer<Int>

  /// Rounds of `workers` chunks of `chunkRows` rows of `text`'s monitor, in `format`.
  init(text: ReportLineText, format: MonitoringReportWriter.Format, workers: Int, chunkRows: Int) {
    self.text = text
    self.format = format
    self.workers = workers
    self.chunkRows = chunkRows
    buffers = UnsafeMutablePointer<ReportBytes>.allocate(capacity: 2 * workers)
    for index in 0..<(2 * workers) { (buffers + index).initialize(to: ReportBytes(capacity: 1 << 20)) }
    counts = UnsafeMutablePointer<Int>.allocate(capacity: 2 * workers)
    counts.initialize(repeating: 0, count: 2 * workers)
  }

  deinit {
    buffers.deinitialize(count: 2 * workers)
    buffers.deallocate()
    counts.deallocate()
  }

  /// The number of rounds that cover the monitor's rows.
  var count: Int {
    let rows = workers * chunkRows
    return (text.monitor.rows.count + rows - 1) / rows
  }

  /// Formats round `round`, its chunks shared out among the processors.
  func format(round: Int) {
    let rowCount = text.monitor.rows.count
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let from = min((round * workers + worker) * chunkRows, rowCount)
      let index = round % 2 * workers + worker
      buffers[index].removeAll()
      counts[index] = text.append(from..<min(from + chunkRows, rowCount), format, to: &buffers[index])
    }
  }

  /// Hands `body` the bytes of each chunk of round `round` in order, with the rows they hold.
  func forEachChunk(of round: Int, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) rethrows {
    for worker in 0..<workers {
      let index = round % 2 * workers + worker
      try body(buffers[index].bytes, counts[index])
    }
  }
}
