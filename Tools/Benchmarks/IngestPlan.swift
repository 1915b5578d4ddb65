// A plan with enough indicator × district × quarter cells for a million distinct figures, written
// as YAML in memory and frozen by the Registry, and an import file that fills it. The real plan
// has about 7,000 cells. ILLUSTRATIVE: every figure is made up.
import Foundation
import ZhibiaoKernel

/// A domain module with nothing to add but its file.
struct IngestDomain: DomainPlugin {
  var domainID: DomainID { "bench" }
}

/// A generated plan of quarterly flows reported by districts, and the import file of its figures.
struct IngestPlan {
  /// Years of the plan, the first being its base year.
  static let years = 2021...2025
  /// The districts, `district.d0001` …
  let districts: Int
  /// The indicators, `bench.i0000` …
  let indicators: Int

  /// A plan big enough for `rows` figures: 20 quarters, 200 districts, and as many indicators as
  /// the rest needs.
  init(rows: Int) {
    districts = 200
    let cells = districts * Self.years.count * 4
    indicators = max(1, (rows + cells - 1) / cells)
  }

  var districtIDs: [String] { (1...districts).map { String(format: "district.d%04d", $0) } }

  static func indicatorID(_ index: Int) -> String { String(format: "bench.i%04d", index) }

  /// The plan, frozen by the Registry like a configuration folder.
  func plan() throws -> Plan {
    var registry = Registry(
      source: InMemoryConfigSource(["plan.yaml": planYAML(), "domains/bench.yaml": domainYAML()]))
    registry.register(IngestDomain())
    return try registry.freeze()
  }

  /// `plan.yaml`: the years, the decomposition settings, the orgs and one goal.
  private func planYAML() -> String {
    var plan = """
      plan:
        id: ingest_benchmark
        name: { zh: 导入基准方案, en: Ingest benchmark plan }
        base_year: \(Self.years.lowerBound)
        target_year: \(Self.years.upperBound)
        commission: bureau.city
        leading_group: group.lead
      decomposition:
        seasonal_profile: [0.22, 0.47, 0.73, 1]
        count_method: webster
        tie_break: [\(districtIDs.joined(separator: ", "))]
      orgs:
        - { id: group.lead, kind: leading_group, name: { zh: 领导小组, en: Leading group } }
        - { id: bureau.city, kind: bureau, name: { zh: 市局, en: City bureau } }

      """
    for (offset, id) in districtIDs.enumerated() {
      plan +=
        "  - { id: \(id), kind: district, code: \"\(330_000 + offset)\", name: { zh: 区\(offset), en: D\(offset) } }\n"
    }
    plan +=
      "goals:\n  - { id: goal.overall, kind: overall, name: { zh: 总体目标, en: Overall }, indicators: [bench.i0000] }\n"
    return plan
  }

  /// The domain's file: every indicator a quarterly flow in 亿元 that the districts report.
  private func domainYAML() -> String {
    var domain = """
      domain:
        id: bench
        name: { zh: 基准领域, en: Benchmark domain }
        lead: bureau.city
      indicators:

      """
    for index in 0..<indicators {
      domain += """
          - id: \(Self.indicatorID(index))
            name: { zh: 指标\(index), en: Indicator \(index) }
            unit: 亿元
            kind: flow
            direction: higher
            binding: expected
            aggregation: sum
            frequency: quarterly
            owner: bureau.city
            precision: 0.1
            targets:
              - { year: \(Self.years.upperBound), comparator: at_least, value: 1000 }
            quotes: [指标\(index)]

        """
    }
    return domain
  }

  /// Writes the import file of the first `rows` figures — indicator by indicator, district by
  /// district, quarter by quarter — to `url`. Every figure passes every check: the year to date
  /// grows through each year, and no figure is a thousand times its neighbour. One row in ten
  /// gives its value in 万元 and one in ten a note, so those paths are measured too.
  func writeImport(rows: Int, to url: URL) throws {
    var text = "indicator,org,period,value,unit,note\n"
    text.reserveCapacity(rows * 48)
    let districts = districtIDs
    var written = 0
    outer: for indicator in 0..<indicators {
      let id = Self.indicatorID(indicator)
      for (offset, district) in districts.enumerated() {
        let base = 100 + (indicator * 37 + offset * 11) % 900
        for year in Self.years {
          for quarter in 1...4 {
            guard written < rows else { break outer }
            // Tenths of 亿元: the year to date of quarter q is q × the year's step.
            let tenths = (base + (year - Self.years.lowerBound) * 7) * quarter
            let value = "\(tenths / 10).\(tenths % 10)"
            text += "\(id),\(district),\(year)Q\(quarter),"
            switch written % 10 {
            case 3: text += "\(tenths * 1000),万元,\n"
            case 7: text += "\(value),亿元,\"报送说明, 第\(quarter)季度\"\n"
            default: text += "\(value),,\n"
            }
            written += 1
          }
        }
      }
    }
    try text.write(to: url, atomically: false, encoding: .utf8)
  }
}
