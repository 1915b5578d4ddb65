import Foundation

extension ConfigDecoder {
  /// Reads an indicator and checks what can be checked without the rest of the plan: that its
  /// kind, unit, comparators and measures fit together.
  func indicator(_ reader: NodeReader, domain: DomainID?) -> Indicator? {
    guard let mapping = reader.mapping() else { return nil }
    let id: IndicatorID? = identifier(mapping.required("id", in: "an indicator"))
    let context = "indicator '\(id?.rawValue ?? "?")'"
    mapping.allowOnly(Keys.indicator, in: context)
    var positions: [String: SourceLocation] = [:]

    let areaReader = mapping.optional("area")
    let area: AreaID? = identifier(areaReader)
    positions["area"] = areaReader?.location
    let name = localizedText(mapping.required("name", in: context), in: context)
    let kind = mapping.required("kind", in: context)?.oneOf(Indicator.Kind.self)
    let unitReader = mapping.optional("unit")
    let unit = unitReader?.string()
    let direction = mapping.required("direction", in: context)?.oneOf(Indicator.Direction.self)
    let binding = mapping.required("binding", in: context)?.oneOf(Indicator.Binding.self)
    let aggregation = mapping.required("aggregation", in: context)?.oneOf(Indicator.Aggregation.self)
    let weightReader = mapping.optional("weight")
    let weight: IndicatorID? = identifier(weightReader)
    positions["weight"] = weightReader?.location
    let frequency = mapping.required("frequency", in: context)?.oneOf(Indicator.Frequency.self)
    let ownerReader = mapping.required("owner", in: context)
    let owner: OrgID? = identifier(ownerReader)
    positions["owner"] = ownerReader?.location
    let precisionReader = mapping.optional("precision")
    let precision = precisionReader?.decimal()
    if let precision, precision <= 0, let precisionReader {
      precisionReader.error("The precision of \(context) must be greater than zero.")
    }
    let eligible: [OrgID]? = identifiers(mapping.optional("eligible"), field: "eligible", positions: &positions)
    let aims = mapping.optional("aims")?.strings() ?? []
    let quotes = mapping.optional("quotes")?.strings() ?? []
    let note = mapping.optional("note")?.string()
    let statistics = mapping.optional("statistics").map { self.statistics($0, context: context, positions: &positions) }
    let decompose = mapping.optional("decompose").flatMap { decompositionRule($0, context: context) }
    let countOf = mapping.optional("count_of").flatMap { registerCount($0, context: context, positions: &positions) }
    if countOf != nil, let kind, kind != .stock, kind != .flow {
      reader.error(
        "Only a stock or a flow (新增) can be the count of a register; \(context) is '\(kind.rawValue)'.")
    }
    var targets: [Target] = []
    for item in mapping.optional("targets")?.sequence() ?? [] {
      if let target = target(item, context: context, precision: precision, positions: &positions) {
        if targets.contains(where: { $0.year == target.year && $0.measure == target.measure }) {
          item.error("The \(context) has two '\(target.measure.rawValue)' targets for \(target.year).")
        }
        targets.append(target)
      }
    }

    if let kind {
      if kind == .qualitative {
        if unitReader != nil { unitReader?.error("The qualitative \(context) has no unit; remove 'unit'.") }
        if aims.isEmpty { reader.error("The qualitative \(context) states no aims ('aims').") }
        if !targets.isEmpty {
          reader.error("The qualitative \(context) has numeric targets; state its aims under 'aims' instead.")
        }
      } else {
        if unitReader == nil { reader.error("Missing key 'unit' in \(context).") }
        if !aims.isEmpty { reader.error("Only qualitative indicators have 'aims'; \(context) is '\(kind.rawValue)'.") }
      }
      if kind == .rank {
        if direction == .higher { reader.error("The rank \(context) must have 'direction: lower'.") }
        if aggregation != nil && aggregation != .cityOnly {
          reader.error("The rank \(context) is a city figure; use 'aggregation: city_only'.")
        }
      }
      for target in targets { check(target, of: kind, in: context, at: reader) }
    }
    if aggregation == .weightedMean, weight == nil {
      reader.error("The \(context) is a weighted mean but names no 'weight' indicator.")
    }
    if aggregation != .weightedMean, let weightReader, aggregation != nil {
      weightReader.error("Only a weighted mean has a 'weight'; \(context) aggregates by '\(aggregation!.rawValue)'.")
    }

    guard let id, let name, let kind, let direction, let binding, let aggregation, let frequency,
      let owner
    else { return nil }
    let figures = mapping.optional("baselines").map { baselines($0, of: id, owner: owner, context: context) } ?? []
    return Indicator(
      id: id, domain: domain, area: area, name: name, unit: unit, kind: kind, direction: direction,
      binding: binding, aggregation: aggregation, weight: weight, frequency: frequency, owner: owner,
      precision: precision, eligible: eligible, targets: targets, aims: aims, quotes: quotes, note: note,
      decompose: decompose, countOf: countOf, baselines: figures, statistics: statistics ?? IndicatorStatistics(),
      location: reader.location, positions: positions)
  }

  /// `statistics: { definition: { zh, en }, source: bureau.statistics, lag_days: 20, confirmed: false }`.
  private func statistics(
    _ reader: NodeReader, context: String, positions: inout [String: SourceLocation]
  ) -> IndicatorStatistics {
    guard let mapping = reader.mapping() else { return IndicatorStatistics() }
    let statisticsContext = "the statistics of \(context)"
    mapping.allowOnly(Keys.statistics, in: statisticsContext)
    let definition = mapping.optional("definition").flatMap { localizedText($0, in: statisticsContext) }
    let sourceReader = mapping.optional("source")
    let source: OrgID? = identifier(sourceReader)
    positions["statistics.source"] = sourceReader?.location
    let lagReader = mapping.optional("lag_days")
    let lag = lagReader?.int()
    if let lag, lag < 0 || lag > 730, let lagReader {
      lagReader.error("The lag of \(context) must be between 0 and 730 days, not \(lag).")
    }
    var confirmed = false
    if let reader = mapping.optional("confirmed") {
      switch reader.string() {
      case "true": confirmed = true
      case "false": confirmed = false
      default: reader.error("'confirmed' in \(statisticsContext) is true or false.")
      }
    }
    return IndicatorStatistics(definition: definition, source: source, lagDays: lag, confirmed: confirmed)
  }

  /// Base-year figures written with the indicator:
  /// `baselines: { year: 2021, basis: illustrative, source: …, city: 3000, district.xihu: 420 }`,
  /// where `city` is the owner's city figure and every other key an org id.
  private func baselines(_ reader: NodeReader, of id: IndicatorID, owner: OrgID, context: String) -> [Baseline] {
    guard let mapping = reader.mapping() else { return [] }
    let baselinesContext = "the baselines of \(context)"
    let year = mapping.required("year", in: baselinesContext)?.int()
    let basis = mapping.required("basis", in: baselinesContext)?.oneOf(Baseline.Basis.self)
    let source = mapping.optional("source")?.string()
    guard let year, let basis else { return [] }
    return mapping.entries.filter { !["year", "basis", "source"].contains($0.key) }.compactMap { entry in
      let value = NodeReader(entry.value, keyPath: "\(reader.keyPath).\(entry.key)", log: reader.log)
      guard let number = value.decimal() else { return nil }
      let org: OrgID = entry.key == "city" ? owner : OrgID(entry.key)
      return Baseline(
        indicator: id, org: org, year: year, value: number, basis: basis, source: source, location: entry.keyLocation)
    }
  }

  private func target(
    _ reader: NodeReader, context: String, precision: Decimal?, positions: inout [String: SourceLocation]
  ) -> Target? {
    guard let mapping = reader.mapping() else { return nil }
    let targetContext = "a target of \(context)"
    mapping.allowOnly(Keys.target, in: targetContext)
    let year = mapping.required("year", in: targetContext)?.int()
    let comparator = mapping.required("comparator", in: targetContext)?.oneOf(Target.Comparator.self)
    let measure = mapping.optional("measure")?.oneOf(Target.Measure.self) ?? .level
    let valueReader = mapping.optional("value")
    if valueReader == nil, mapping.has("value"), let year, comparator != nil, comparator != .parity {
      // A target still to be set (`value: ~`: a successor plan's, before its bureau fills it in).
      reader.warning(
        "The \(year) target of \(context) is not set yet: until it is, the indicator has no target and is not decomposed.",
        hint: "write the figure the plan sets, e.g. 'value: 1500'")
      return nil
    }
    let value = valueReader?.decimal()
    let partnerReader = mapping.optional("with")
    let partner: IndicatorID? = identifier(partnerReader)
    guard let year, let comparator else { return nil }
    positions["targets.\(year).with"] = partnerReader?.location
    positions["targets.\(year)"] = reader.location
    if comparator == .parity {
      if partnerReader == nil { reader.error("The parity target of \(context) names no indicator ('with').") }
      if valueReader != nil { valueReader?.error("A parity target has no 'value'; it is level with 'with'.") }
    } else {
      if valueReader == nil { reader.error("Missing key 'value' in \(targetContext).") }
      if partnerReader != nil { partnerReader?.error("Only a parity target has 'with'.") }
    }
    if let value, let valueReader, !DecimalArithmetic.fitsUnits(value, of: precision) {
      valueReader.error(
        "The target \(value) of \(context) is too large to decompose exactly: at most 10^15 units of its precision \(precision ?? 1)."
      )
      return nil
    }
    if let value, let precision, let valueReader, !DecimalArithmetic.isMultiple(value, of: precision) {
      valueReader.error(
        "The target \(value) of \(context) is finer than its precision \(precision).",
        hint: "round the target or make 'precision' finer")
    }
    return Target(year: year, comparator: comparator, value: value, measure: measure, partner: partner)
  }

  private func check(_ target: Target, of kind: Indicator.Kind, in context: String, at reader: NodeReader) {
    let allowed: [Target.Measure] =
      switch kind {
      case .flow: [.level, .cumulative]
      case .stock: [.level, .increase]
      case .growthRate: [.level, .averageAnnual]
      case .ratio, .rank, .qualitative: [.level]
      }
    if !allowed.contains(target.measure) {
      reader.error(
        "A '\(kind.rawValue)' indicator cannot have a '\(target.measure.rawValue)' target (\(context)); "
          + "allowed: \(allowed.map { "'\($0.rawValue)'" }.joined(separator: ", ")).")
    }
    if kind == .rank, target.comparator != .atMost {
      reader.error("A rank target is 'at_most' (前四 is rank ≤ 4), not '\(target.comparator.rawValue)' (\(context)).")
    }
    if target.comparator == .parity, kind != .ratio {
      reader.error("Only ratio indicators can be level with another; \(context) is '\(kind.rawValue)'.")
    }
  }
}
