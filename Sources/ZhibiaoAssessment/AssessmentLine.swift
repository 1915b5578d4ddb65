import Foundation
import ZhibiaoPlan
import ZhibiaoScoring
import ZhibiaoTargets

/// An indicator as the assessment reads it: how it is scored, who owns its city figure and which
/// districts it applies to. Built from the plan's `Indicator`, or from monitoring's targets where
/// there is no plan (the benchmark's generated data).
struct AssessedIndicator: Sendable {
  var id: IndicatorID
  var name: LocalizedText
  var kind: Indicator.Kind
  var direction: Indicator.Direction
  var precision: Decimal?
  var owner: OrgID
  var eligible: Set<OrgID>?
  var isTarget: Bool

  init(_ indicator: Indicator) {
    self.init(
      id: indicator.id, name: indicator.name, kind: indicator.kind, direction: indicator.direction,
      precision: indicator.precision, owner: indicator.owner, eligible: indicator.eligible.map(Set.init),
      isTarget: indicator.isTarget)
  }

  init(
    id: IndicatorID, name: LocalizedText, kind: Indicator.Kind, direction: Indicator.Direction, precision: Decimal?,
    owner: OrgID, eligible: Set<OrgID>?, isTarget: Bool
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.direction = direction
    self.precision = precision
    self.owner = owner
    self.eligible = eligible
    self.isTarget = isTarget
  }
}

/// The indicators an assessment reads, with a look-up by id.
struct AssessedIndicators: Sendable {
  let all: [AssessedIndicator]
  private let index: [IndicatorID: Int]

  init(_ all: [AssessedIndicator]) {
    self.all = all
    index = Dictionary(all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  init(plan: Plan) { self.init(plan.indicators.map(AssessedIndicator.init)) }

  /// The position of `id`, if the assessment reads it.
  func position(of id: IndicatorID) -> Int? { index[id] }

  /// The indicator `id`, if the assessment reads it.
  subscript(id: IndicatorID) -> AssessedIndicator? { index[id].map { all[$0] } }
}

/// An item as one org is scored on it: its effective weight and how that weight came about.
struct AssessmentLine {
  var item: AssessmentItem
  var indicator: AssessedIndicator?
  var weight: Decimal
  var applicable: Bool
  var weightNotes: [WeightNote] = []
  /// Why the item does not apply, when it does not.
  var notApplicable: LocalizedText?
  /// For an owned indicator's line, the indicator's position; nil for the section's own items.
  var owned: Int?
}

extension AssessmentSection {
  static let notEligible = AssessmentText.text(
    "不适用（本单位不在该指标的适用范围内），其权重按比例分摊到其他项目",
    "Not applicable (not among the indicator's eligible districts); its weight is shared among the other items")
  static let notAnIndicator = AssessmentText.text(
    "全市汇总只计指标项目，本项不适用，其权重按比例分摊到其他项目",
    "The city view counts indicator items only; its weight is shared among the other items")

  /// The lines `org` is scored on, with their weights — the one place weights are worked out.
  ///
  /// The section's items in order, then the target indicators the org owns, if the section scores
  /// them (`owned`), sharing its points equally in hundredths. Items that do not apply to the org
  /// (an indicator for other districts; in the city's view, an item that is no indicator) weigh 0
  /// and give their weight to the others in proportion, in hundredths adding up to the basic
  /// points exactly.
  ///
  /// `excluded` holds the indicators left out for the org, each with why (figures not reported,
  /// under the scheme's `missing: reweight`), and `inapplicable` the items that do not apply to it
  /// in the year (`AssessmentEvents.inapplicable`): their weight is shared out in the same way.
  func lines(
    for org: Org, indicators: AssessedIndicators, indicatorsOnly: Bool = false,
    excluded: [IndicatorID: LocalizedText] = [:], inapplicable: [String: LocalizedText] = [:]
  ) -> [AssessmentLine] {
    var lines = items.map { item -> AssessmentLine in
      let indicator = item.indicator.flatMap { indicators[$0] }
      let eligible = org.kind != .district || indicator?.eligible.map { $0.contains(org.id) } ?? true
      let reason =
        !eligible
        ? Self.notEligible
        : indicatorsOnly && indicator == nil
          ? Self.notAnIndicator : item.indicator.flatMap { excluded[$0] } ?? inapplicable[item.id]
      return AssessmentLine(
        item: item, indicator: indicator, weight: item.weight, applicable: reason == nil, notApplicable: reason)
    }
    if let owned {
      let positions = indicators.all.indices.filter { f in
        let indicator = indicators.all[f]
        return indicator.owner == org.id && indicator.isTarget && !owned.exclude.contains(indicator.id)
          && owned.rules[indicator.kind] != nil
      }
      let shares = Self.shares(of: owned.points, in: positions.map { _ in 1 })
      let note = WeightNote.ownedShare(points: owned.points, count: positions.count)
      for (position, share) in zip(positions, shares) {
        let indicator = indicators.all[position]
        let item = AssessmentItem(
          id: indicator.id.rawValue, indicator: indicator.id, name: indicator.name, weight: owned.points,
          rule: owned.rules[indicator.kind]!, location: location)
        let reason = excluded[indicator.id]
        lines.append(
          AssessmentLine(
            item: item, indicator: indicator, weight: share, applicable: reason == nil, weightNotes: [note],
            notApplicable: reason, owned: position))
      }
    }
    let applicableWeight = AssessmentMath.sum(lines.filter(\.applicable).map(\.weight))
    if applicableWeight > 0, applicableWeight != basicPoints {
      let applicable = lines.indices.filter { lines[$0].applicable }
      let shares = Self.shares(of: basicPoints, in: applicable.map { lines[$0].weight })
      let left = lines.filter { !$0.applicable }.map { $0.item.indicator.flatMap { excluded[$0] } != nil }
      let cause: WeightNote.Cause =
        left.allSatisfy { $0 } ? .unreported : left.contains(true) ? .notApplicableOrUnreported : .notApplicable
      for (index, share) in zip(applicable, shares) {
        lines[index].weightNotes.append(
          .rescaled(
            before: lines[index].weight, basic: basicPoints, applicable: applicableWeight, after: share, cause: cause))
        lines[index].weight = share
      }
    }
    for index in lines.indices where !lines[index].applicable { lines[index].weight = 0 }
    return lines
  }

  /// `total` split in proportion to `weights`, in 0.01-point units adding up to `total`
  /// exactly (largest remainder; equal remainders go to the earlier entry).
  static func shares(of total: Decimal, in weights: [Decimal]) -> [Decimal] {
    let doubles = weights.map(DecimalArithmetic.double)
    let sum = doubles.reduce(0, +)
    guard sum > 0 else { return weights.map { _ in 0 } }
    let units = NSDecimalNumber(decimal: AssessmentMath.product(total, 100, scale: 0)).intValue
    let values = doubles.map { $0 / sum * Double(units) }
    guard let rounded = try? LargestRemainder.round(values, toUnitsSumming: units) else {
      return weights.map { AssessmentText.points($0 * total / weights.reduce(Decimal(0), +)) }
    }
    return rounded.map { AssessmentMath.decimal(UInt64(max($0, 0)), exponent: -2, negative: false) }
  }
}
