// Times writing the monitoring report to a file as it goes, as CSV and as JSON, with the memory
// the writing adds over what the process held before it, and the writer's own part: the same
// report formatted with its bytes counted and dropped, without the kernel's copy into the file.
import Foundation
import ZhibiaoKernel

extension BenchmarkRun {
  /// Writes the report of `monitor` to a file in each format, `min(runs, 3)` times, and prints
  /// rows, bytes, the median time and the peak memory added per row. The file is temporary unless
  /// `reportDirectory` names where to keep it.
  mutating func writeReports(_ monitor: Monitor) throws {
    let writer = MonitoringReportWriter(monitor: monitor)
    for format in MonitoringReportWriter.Format.allCases {
      let path: String
      if let reportDirectory {
        try FileManager.default.createDirectory(atPath: reportDirectory, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: reportDirectory).appendingPathComponent("report.\(format.rawValue)").path
      } else {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-benchmark-report").path
      }
      defer { if reportDirectory == nil { try? FileManager.default.removeItem(atPath: path) } }
      var rows = 0
      var added = 0
      var processor: [Double] = []
      let elapsed = try (0..<min(runs, 3)).map { _ in
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let before = residentBytes()
        resetPeakMemory()
        let start = processorNanoseconds()
        let nanoseconds = try time { rows = try writer.write(format, to: handle) }
        processor.append(processorNanoseconds() - start)
        try handle.close()
        added = max(added, (peakMemoryBytes() ?? 0) - before)
        return nanoseconds
      }
      let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      let perRow = rows > 0 ? added / rows : 0
      report("write the report as \(format.rawValue.uppercased()) (\(rows) rows)", median(elapsed))
      report("  processor time, all threads", median(processor))
      report("  file size, peak memory added per row", "\(bytes / 1_048_576) MB, \(perRow) bytes")
      var formattingProcessor: [Double] = []
      let formatting = (0..<min(runs, 3)).map { _ in
        var counted = 0
        let start = processorNanoseconds()
        let nanoseconds = time { writer.write(format) { counted += $0.count } }
        formattingProcessor.append(processorNanoseconds() - start)
        precondition(counted == bytes, "the report formatted has \(counted) bytes, the file \(bytes)")
        return nanoseconds
      }
      report("  formatted only, the bytes dropped", median(formatting))
      report("  processor time, all threads", median(formattingProcessor))
      switch format {
      case .csv:
        figures.reportSeconds = medianSeconds(elapsed)
        figures.reportProcessorSeconds = medianSeconds(processor)
        figures.reportRows = rows
        figures.reportCSVBytes = bytes
        figures.reportCSVAddedPeakBytesPerRow = perRow
        figures.reportFormattingSeconds = medianSeconds(formatting)
        figures.reportFormattingProcessorSeconds = medianSeconds(formattingProcessor)
      case .json:
        figures.reportJSONSeconds = medianSeconds(elapsed)
        figures.reportJSONProcessorSeconds = medianSeconds(processor)
        figures.reportJSONBytes = bytes
        figures.reportJSONAddedPeakBytesPerRow = perRow
        figures.reportJSONFormattingSeconds = medianSeconds(formatting)
        figures.reportJSONFormattingProcessorSeconds = medianSeconds(formattingProcessor)
      }
    }
    figures.peakRSSWithReportBytes = peakMemoryBytes()
    timeShortestDigits()
  }

  /// Times writing three million doubles of the kind that need the most digits in the report —
  /// paces (a quotient of two figures), growths (a root of one, less one) and scores — as JSON
  /// writes them, by `ShortestDecimal` and by the standard library's `description` (what the
  /// report used before), on one thread: the processor time per double of the median of three runs.
  mutating func timeShortestDigits() {
    var generator = SystemRandomNumberGenerator()
    let values = (0..<1_000_000).flatMap { _ -> [Double] in
      let actual = Double(Int.random(in: 1...100_000_000, using: &generator)) / 10_000
      let target = Double(Int.random(in: 1...100_000_000, using: &generator)) / 10_000
      return [actual / target, pow(actual / target, 0.25) - 1, (actual - target) / (0.6745 * target)]
    }
    guard !values.isEmpty else { return }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    defer { buffer.deallocate() }
    var ours = 0
    var theirs = 0
    let oursTimes = timesWithProcessor(3) {
      ours = values.reduce(0) { $0 + NumberText.writeJSON($1, to: buffer) }
    }.processor
    let theirTimes = timesWithProcessor(3) {
      theirs = values.reduce(0) { sum, value in
        var stream = ByteCount()
        value.write(to: &stream)
        return sum + stream.count - (stream.endsInPointZero ? 2 : 0)
      }
    }.processor
    precondition(ours == theirs, "the doubles take \(ours) bytes written by ShortestDecimal, \(theirs) by description")
    let perDouble = { (times: [Double]) in medianSeconds(times) * 1e9 / Double(values.count) }
    report("shortest digits of \(values.count) doubles", "\(Int(perDouble(oursTimes).rounded())) ns each")
    report("  by the standard library's description", "\(Int(perDouble(theirTimes).rounded())) ns each")
    figures.shortestDigitsNanoseconds = perDouble(oursTimes)
    figures.standardLibraryDigitsNanoseconds = perDouble(theirTimes)
  }
}

/// Counts the bytes of a double's description, as the report once copied them, and whether they
/// end in ".0".
private struct ByteCount: TextOutputStream {
  var count = 0
  var last: (UInt8, UInt8) = (0, 0)
  var endsInPointZero: Bool { last == (UInt8(ascii: "."), UInt8(ascii: "0")) }

  mutating func write(_ string: String) {
    for byte in string.utf8 { append(byte) }
  }

  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
    for byte in buffer { append(byte) }
  }

  private mutating func append(_ byte: UInt8) {
    count += 1
    last = (last.1, byte)
  }
}
