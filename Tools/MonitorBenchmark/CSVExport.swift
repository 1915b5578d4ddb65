// Writes the generated figures and targets as CSV files for other tools.
import Foundation
import ZhibiaoKernel

/// Writes `observations.csv` (`indicator,org,period,value,unit,note,reported_at`, the import format
/// plus the time of reporting) and `targets.csv` (`indicator,org,period,target`) into `directory`.
func writeCSV(targets: MonitoringTargets, actuals: Actuals, to directory: String) throws {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let axis = targets.axis
  let formatter = ISO8601DateFormatter()
  let periods = (0..<axis.count).map { axis.period(ofSlot: $0).description }
  for (name, isTargets) in [("observations.csv", false), ("targets.csv", true)] {
    let path = (directory as NSString).appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var buffer =
      isTargets ? "indicator,org,period,target\n" : "indicator,org,period,value,unit,note,reported_at\n"
    for (i, spec) in targets.indicators.enumerated() {
      for (o, org) in actuals.orgs.enumerated() {
        for slot in 0..<axis.count {
          let index = (i * actuals.orgs.count + o) * axis.count + slot
          let figures = isTargets ? targets.figures : actuals.figures
          guard let value = figures.decimal(at: index) else { continue }
          buffer += "\(spec.id),\(org),\(periods[slot]),\(value)"
          if !isTargets {
            let at = actuals.reportedAt[index]
            buffer +=
              ",\(spec.unit ?? ""),,"
              + (at.isNaN ? "" : formatter.string(from: Date(timeIntervalSinceReferenceDate: at)))
          }
          buffer += "\n"
          if buffer.utf8.count > 1 << 22 {
            handle.write(Data(buffer.utf8))
            buffer = ""
          }
        }
      }
    }
    handle.write(Data(buffer.utf8))
    try handle.close()
  }
}
