// Writes what the full pass computed at the last quarter, for checking other tools against it:
// each row's light and each district item's points.
import Foundation
import ZhibiaoKernel

/// Writes `lights.csv` (`indicator,org,status`, every row with a target) and `points.csv`
/// (`indicator,org,points`, each district's points on each indicator item, in hundredths of a
/// point, empty when not scored) into `directory`.
func writeResults(monitor: Monitor, assessor: Assessor, to directory: String) throws {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let targets = monitor.targets
  var lights = "indicator,org,status\n"
  for (i, spec) in targets.indicators.enumerated() {
    for o in targets.orgs.indices {
      guard let light = monitor.light(indicator: i, org: o) else { continue }
      lights += "\(spec.id),\(targets.orgs[o]),\(light.rawValue)\n"
    }
  }
  try lights.write(
    toFile: (directory as NSString).appendingPathComponent("lights.csv"), atomically: true, encoding: .utf8)
  var points = "indicator,org,points\n"
  for line in assessor.figureLines where line.assessed.rawValue.hasPrefix("district.") {
    points +=
      "\(targets.indicators[line.indicator].id),\(targets.orgs[line.figureOrg]),\(line.hundredths.map { "\($0)" } ?? "")\n"
  }
  try points.write(
    toFile: (directory as NSString).appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
}
