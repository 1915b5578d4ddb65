import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// Where an org stands in a dense assessment: the numbers of its scorecard without the
/// explanations (`AssessmentScheme.assess` writes those).
public struct AssessmentStanding: Hashable, Sendable {
  /// The org.
  public var org: OrgID
  /// 基本分.
  public var basic: Decimal
  /// The points on the headline items.
  public var headlinePoints: Decimal
  /// 实得分 = 基本分 + 加分 − 扣分.
  public var total: Decimal
  /// The rank among orgs of the same kind, from 1.
  public var rank: Int
  /// The band the total falls in, before veto and quota; nil when the section has no grades.
  public var scoreGrade: AssessmentGrade?
  /// The grade given; nil when the section has no grades.
  public var grade: AssessmentGrade?

  /// The standing a scorecard of `AssessmentScheme.assess` shows.
  public init(_ card: Scorecard) {
    let graded = !card.gradeSteps.isEmpty
    self.init(
      org: card.org, basic: card.basic, headlinePoints: card.headlinePoints, total: card.total, rank: card.rank,
      scoreGrade: graded ? card.scoreGrade : nil, grade: graded ? card.grade : nil)
  }

  init(
    org: OrgID, basic: Decimal, headlinePoints: Decimal, total: Decimal, rank: Int, scoreGrade: AssessmentGrade?,
    grade: AssessmentGrade?
  ) {
    self.org = org
    self.basic = basic
    self.headlinePoints = headlinePoints
    self.total = total
    self.rank = rank
    self.scoreGrade = scoreGrade
    self.grade = grade
  }
}

extension Assessor {
  /// Where `org` stands; nil when it is not assessed.
  public func standing(of org: OrgID) -> AssessmentStanding? {
    compiled.slot(of: org).map(standing(slot:))
  }

  /// The standings of the orgs of `kind`, best rank first.
  public func standings(of kind: Org.Kind) -> [AssessmentStanding] {
    guard let section = compiled.sections.first(where: { $0.section.orgKind == kind }) else { return [] }
    return section.slots.map { standing(slot: Int(order[$0])) }
  }

  /// The orgs of `kind` in rank order.
  public func ranking(of kind: Org.Kind) -> [OrgID] {
    guard let section = compiled.sections.first(where: { $0.section.orgKind == kind }) else { return [] }
    return section.slots.map { compiled.slotOrgs[Int(order[$0])].id }
  }

  /// The points of each item `org` is scored on (leaving out those that do not apply), in the
  /// scorecard's order, with whether it was scored. Reads every line: for checking and display.
  public func items(of org: OrgID) -> [(item: String, points: Decimal, scored: Bool)] {
    guard let slot = compiled.slot(of: org) else { return [] }
    return compiled.lineSlot.indices.filter { Int(compiled.lineSlot[$0]) == slot }.map { line in
      (compiled.ruleItems[Int(compiled.lineRule[line])], FixedPoint.decimal(points[line], scale: 2), scored[line])
    }
  }

  func standing(slot: Int) -> AssessmentStanding {
    let grades = compiled.sections[compiled.slotSection[slot]].section.grades
    return AssessmentStanding(
      org: compiled.slotOrgs[slot].id, basic: FixedPoint.decimal(basic[slot], scale: 2),
      headlinePoints: FixedPoint.decimal(headline[slot], scale: 2), total: FixedPoint.decimal(total[slot], scale: 4),
      rank: Int(place[slot]) + 1, scoreGrade: grades.isEmpty ? nil : grades[Int(band[slot])],
      grade: grades.isEmpty ? nil : grades[Int(grade[slot])])
  }
}

extension CompiledScheme {
  /// The slot of `org`, if it is assessed.
  func slot(of org: OrgID) -> Int? { slotOrgs.firstIndex { $0.id == org } }
}
