import ZhibiaoKernel

/// 物流服务 (logistics services), led by 市发改委: air, express, cold-chain, green and smart
/// logistics.
///
/// Code checks that inland-port throughput is only ever asked of districts that have a port:
/// an indicator measured in tonnes or containers must list its eligible districts.
public struct LogisticsDomain: DomainPlugin {
  /// Creates the module.
  public init() {}

  public var domainID: DomainID { Self.id }

  static let id: DomainID = "logistics"

  /// Units of port throughput.
  static let throughputUnits: Set<String> = ["亿吨", "万吨", "吨", "万标箱", "标箱"]

  public var checks: [DomainCheck] { [Self.throughputNamesItsPorts] }

  /// Port throughput cannot be spread over all 13 districts: most have no port.
  static let throughputNamesItsPorts = DomainCheck(
    id: "logistics.throughput_names_its_ports",
    summary: LocalizedText(
      zh: "港口吞吐量指标须列明有港口的区县", en: "Port throughput names the districts that have a port")
  ) { plan in
    plan.indicators.compactMap { indicator -> Diagnostic? in
      guard indicator.domain == id, let unit = indicator.unit, throughputUnits.contains(unit),
        indicator.aggregation != .cityOnly, indicator.eligible?.isEmpty ?? true
      else { return nil }
      return Diagnostic(
        .error, at: indicator.location,
        "The port throughput '\(indicator.id)' (\(unit)) must list the districts that have a port under 'eligible'.",
        hint: "add 'eligible: [district.…]'")
    }
  }
}
