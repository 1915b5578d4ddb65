// The dense grids of targets and values, generated directly in the layout the engine reads, for
// sizes whose target book would be too large to build (3,000 orgs × 500 indicators is 30 million
// entries). ILLUSTRATIVE: every figure is generated, none is a statistic.
import Foundation
import ZhibiaoKernel

extension Generator {
  /// Seven in ten quarterly flows, two quarterly stocks (interpolated), one quarterly ratio; each
  /// district on its own path around targets that grow 8 % a year, the city the districts' sum
  /// (a ratio: the first district's figure). Figures are stated to their indicator's precision
  /// (0.1 亿元, 0.01 %), in exact units.
  mutating func denseGrids() -> GeneratedData {
    let orgCount = orgs + 1
    let slots = axis.count
    let orgIDs = [OrgID("bureau.city")] + districtIDs.map { OrgID($0) }
    var monitored: [MonitoredIndicator] = []
    for index in 0..<indicators {
      let kind: Indicator.Kind = index % 10 < 7 ? .flow : (index % 10 < 9 ? .stock : .ratio)
      monitored.append(
        MonitoredIndicator(
          id: IndicatorID(Self.indicatorID(index)), domain: "bench", unit: kind == .ratio ? "%" : "亿元",
          kind: kind, aggregation: kind == .ratio ? .weightedMean : .sum, precision: kind == .ratio ? 0.01 : 0.1,
          city: 0, districts: Array(1..<orgCount)))
    }
    let cells = monitored.count * orgCount * slots
    let none = FigureGrid.none
    let places = monitored.map { $0.kind == .ratio ? 2 : 1 }
    let scales = places.map { pow(10, Double($0)) }
    var values: ContiguousArray<Int64> = LargeArray.make(repeating: none, count: cells)
    var reported: ContiguousArray<UInt32> = LargeArray.make(repeating: ReportingTimes.none, count: cells)
    var targets: ContiguousArray<Int64> = LargeArray.make(repeating: none, count: cells)
    var shares = ContiguousArray<Double>(repeating: .nan, count: monitored.count * slots)
    let years = axis.years
    let reportedBySlot = (0..<slots).map { ReportingTimes.encode(reportedAt(slot: $0)) }
    values.withUnsafeMutableBufferPointer { values in
      reported.withUnsafeMutableBufferPointer { reported in
        targets.withUnsafeMutableBufferPointer { targets in
          for (i, spec) in monitored.enumerated() {
            if spec.kind == .flow {
              for slot in 4..<slots { shares[i * slots + slot] = profile[slot % 4] }
            }
            let cityCell = (i * orgCount) * slots
            for o in 1..<orgCount {
              let cell = (i * orgCount + o) * slots
              let base = spec.kind == .ratio ? 2 + rng.unit() * 8 : 10 + rng.unit() * 500
              let growth = spec.kind == .ratio ? 0.1 : 0.05 + rng.unit() * 0.06
              var level = base
              var previousTarget = base
              for year in 0..<years {
                let target = spec.kind == .ratio ? base + growth * Double(year) : base * pow(1.08, Double(year))
                level =
                  spec.kind == .ratio
                  ? base + growth * Double(year) * (0.8 + 0.4 * rng.unit()) : level * (year == 0 ? 1 : 1 + growth)
                for quarter in 0..<4 {
                  let slot = year * 4 + quarter
                  let seasonal = spec.kind == .flow ? profile[quarter] : 1
                  let noise = 0.97 + 0.06 * rng.unit()
                  let value =
                    spec.kind == .stock ? level * (1 + growth * Double(quarter + 1) / 4) : level * seasonal * noise
                  let units = Int64((value * scales[i]).rounded())
                  values[cell + slot] = units
                  reported[cell + slot] = reportedBySlot[slot] + UInt32(rng.unit() * 6) * 86_400
                  if spec.kind != .ratio {
                    values[cityCell + slot] = (values[cityCell + slot] == none ? 0 : values[cityCell + slot]) + units
                  }
                  guard year > 0 else { continue }
                  let milestone: Double =
                    switch spec.kind {
                    case .flow: target * profile[quarter]
                    case .stock: previousTarget + (target - previousTarget) * Double(quarter + 1) / 4
                    default: target
                    }
                  let milestoneUnits = Int64((milestone * scales[i]).rounded())
                  targets[cell + slot] = milestoneUnits
                  if spec.kind != .ratio {
                    targets[cityCell + slot] =
                      (targets[cityCell + slot] == none ? 0 : targets[cityCell + slot]) + milestoneUnits
                  }
                }
                previousTarget = target
              }
            }
            if spec.kind == .ratio {
              for slot in 0..<slots {
                values[cityCell + slot] = values[(i * orgCount + 1) * slots + slot]
                if slot >= 4 { targets[cityCell + slot] = targets[(i * orgCount + 1) * slots + slot] }
              }
            }
          }
        }
      }
    }
    let stride = orgCount * slots
    return GeneratedData(
      targets: MonitoringTargets(
        indicators: monitored, orgs: orgIDs, axis: axis,
        figures: FigureGrid(units: targets, places: places, stride: stride), shares: shares),
      actuals: Actuals(
        indicators: monitored.map(\.id), orgs: orgIDs, axis: axis,
        figures: FigureGrid(units: values, places: places, stride: stride),
        reportedAt: ReportingTimes(stored: reported))
    )
  }
}
