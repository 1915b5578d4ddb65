// What the check of the real plan works on: an import file with every figure the plan can take.
// ILLUSTRATIVE: every figure is made up.
import Foundation
import ZhibiaoKernel

enum BenchmarkData {
  /// An import file (`indicator,org,period,value,unit,note`) with a figure for every indicator a
  /// district or bureau reports (neither counted from a register nor derived), every org that
  /// reports it and every period of the plan, and its number of rows.
  static func wholePlanImport(_ plan: Plan) -> (text: String, rows: Int) {
    var lines = ["indicator,org,period,value,unit,note"]
    for indicator in plan.indicators
    where indicator.kind != .qualitative && indicator.countOf == nil
      && plan.derivation(for: indicator.id) == nil
    {
      let orgs =
        indicator.aggregation == .cityOnly
        ? [indicator.owner] : [indicator.owner] + (indicator.eligible ?? plan.districts.map(\.id))
      for (index, org) in orgs.enumerated() {
        for year in plan.baseYear...plan.targetYear {
          let periods: [Period] =
            indicator.frequency == .quarterly ? (1...4).map { .quarter($0, of: year) } : [.year(year)]
          for (step, period) in periods.enumerated() {
            lines.append("\(indicator.id),\(org),\(period),\((index + 1) * 10 + year - plan.baseYear + step + 1),,")
          }
        }
      }
    }
    return (lines.joined(separator: "\n"), lines.count - 1)
  }
}
