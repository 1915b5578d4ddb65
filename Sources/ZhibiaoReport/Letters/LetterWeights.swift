import Foundation
import ZhibiaoKernel

/// The weight each district is scored with on each item of the scheme, as the assessment itself
/// computes it: an item that does not apply to a district (it is not among the indicator's
/// eligible districts) gives its weight to the others in proportion, so the letter prints the
/// weights after that sharing and not the scheme's alone.
struct LetterWeights {
  /// The scored items of each district, without figures: weights and applicability only.
  private let items: [OrgID: [String: ScoredItem]]

  /// Runs the scheme on no figures for `year` and keeps each district's item weights.
  init(scheme: AssessmentScheme, plan: Plan, year: Int) {
    let result = scheme.assess(AssessmentInputs(year: year), plan: plan)
    var items: [OrgID: [String: ScoredItem]] = [:]
    for card in result.section(for: .district)?.scorecards ?? [] {
      items[card.org] = Dictionary(card.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
    self.items = items
  }

  /// How `district` is scored on `item`; nil when the assessment did not list it.
  func item(_ item: AssessmentItem, of district: OrgID) -> ScoredItem? { items[district]?[item.id] }
}
