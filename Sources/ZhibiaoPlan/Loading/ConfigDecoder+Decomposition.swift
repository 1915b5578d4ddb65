import Foundation

extension ConfigDecoder {
  static let decomposeKeys = [
    "path", "share", "apportion", "blend", "weights", "pins", "floors", "caps", "seasonal", "abnormal_years",
    "tie_break", "assumed_growth",
  ]
  static let decompositionKeys = ["seasonal_profile", "count_method", "tie_break"]

  /// An indicator's `decompose:` rule.
  func decompositionRule(_ reader: NodeReader, context: String) -> DecompositionRule? {
    guard let mapping = reader.mapping() else { return nil }
    let ruleContext = "the decomposition rule of \(context)"
    mapping.allowOnly(Self.decomposeKeys, in: ruleContext)
    var rule = DecompositionRule()
    var positions: [String: SourceLocation] = ["decompose": reader.location]
    if let path = mapping.optional("path") { rule.path = path.oneOf(TimePath.self) }
    if let share = mapping.optional("share") {
      rule.share = share.oneOf(DecompositionRule.Share.self) ?? .baselineShare
    }
    if let method = mapping.optional("apportion") { rule.countMethod = method.oneOf(Apportionment.Method.self) }
    if let blendReader = mapping.optional("blend"), let blend = blendReader.decimal() {
      if blend < 0 || blend > 1 { blendReader.error("The blend α of \(context) must lie between 0 and 1.") }
      rule.blend = blend
    }
    for (key, field) in [
      ("weights", \DecompositionRule.weights), ("pins", \.pins), ("floors", \.floors), ("caps", \.caps),
    ] {
      guard let byOrg = mapping.optional(key)?.mapping() else { continue }
      var values: [OrgID: Decimal] = [:]
      for entry in byOrg.entries {
        let valueReader = NodeReader(entry.value, keyPath: "\(byOrg.reader.keyPath).\(entry.key)", log: log)
        guard let value = valueReader.decimal() else { continue }
        if value < 0 { valueReader.error("'\(key)' of \(context) cannot be negative.") }
        values[OrgID(entry.key)] = value
        positions["\(key).\(entry.key)"] = entry.keyLocation
      }
      rule[keyPath: field] = values
    }
    if let seasonalReader = mapping.optional("seasonal"), let items = seasonalReader.sequence() {
      let shares = items.compactMap { $0.decimal() }
      if shares.count == items.count { checkSeasonal(shares, at: seasonalReader, context: context) }
      rule.seasonal = shares
    }
    rule.abnormalYears = mapping.optional("abnormal_years")?.sequence()?.compactMap { $0.int() } ?? []
    rule.tieBreak = tieBreak(mapping.optional("tie_break"), positions: &positions)
    if let growthReader = mapping.optional("assumed_growth") { rule.assumedGrowth = growthReader.decimal() }
    positions.merge(
      mapping.entries.reduce(into: [:]) { $0[$1.key] = $1.keyLocation }, uniquingKeysWith: { first, _ in first })
    rule.positions = positions
    if rule.share == .explicit, rule.weights.isEmpty {
      reader.error("The \(ruleContext) shares by explicit weights but lists none under 'weights'.")
    }
    return rule
  }

  /// Seasonal shares are four cumulative fractions, rising, ending at exactly 1.
  func checkSeasonal(_ shares: [Decimal], at reader: NodeReader, context: String) {
    let rising = zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 }
    if shares.count != 4 || shares.last != 1 || !rising || (shares.first ?? 0) <= 0 {
      reader.error(
        "The seasonal profile of \(context) must be four rising year-to-date shares ending at 1, e.g. [0.23, 0.48, 0.73, 1]."
      )
    }
  }

  /// `plan.yaml`'s `decomposition:` defaults.
  func decompositionDefaults(_ reader: NodeReader) -> DecompositionDefaults {
    var defaults = DecompositionDefaults()
    guard let mapping = reader.mapping() else { return defaults }
    mapping.allowOnly(Self.decompositionKeys, in: "'decomposition'")
    if let profileReader = mapping.optional("seasonal_profile"), let items = profileReader.sequence() {
      let shares = items.compactMap { $0.decimal() }
      if shares.count == items.count { checkSeasonal(shares, at: profileReader, context: "the plan") }
      defaults.seasonalProfile = shares
    }
    if let method = mapping.optional("count_method")?.oneOf(Apportionment.Method.self) {
      defaults.countMethod = method
    }
    var positions: [String: SourceLocation] = [:]
    defaults.tieBreak = tieBreak(mapping.optional("tie_break"), positions: &positions)
    return defaults
  }

  /// A `tie_break:` list: each org once, a repeat refused where it is written.
  private func tieBreak(_ reader: NodeReader?, positions: inout [String: SourceLocation]) -> [OrgID] {
    let ids: [OrgID] = identifiers(reader, field: "tie_break", positions: &positions) ?? []
    var seen = Set<OrgID>()
    for (index, item) in (reader?.sequence() ?? []).enumerated() {
      guard let id: OrgID = index < ids.count ? ids[index] : nil else { continue }
      if !seen.insert(id).inserted {
        item.error("'\(id)' is listed twice in 'tie_break'; each org settles a tie once, in the order listed.")
      }
    }
    return ids
  }
}
