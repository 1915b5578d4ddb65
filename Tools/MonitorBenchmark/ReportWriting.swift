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
  }
}
