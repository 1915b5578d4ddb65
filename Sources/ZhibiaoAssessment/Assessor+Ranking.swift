import Foundation
import ZhibiaoScoring

extension Assessor {
  /// Whether slot `a` ranks before slot `b`: the higher total, then the section's tie-break
  /// criteria in order, as `SectionAssessment.ranksBefore`.
  @inline(__always)
  func ranksBefore(_ a: Int, _ b: Int, tieBreak: [AssessmentTieBreak]) -> Bool {
    if total[a] != total[b] { return total[a] > total[b] }
    for criterion in tieBreak {
      switch criterion {
      case .headline where headline[a] != headline[b]: return headline[a] > headline[b]
      case .basic where basic[a] != basic[b]: return basic[a] > basic[b]
      case .id where a != b: return compiled.idRank[a] < compiled.idRank[b]
      default: continue
      }
    }
    return false
  }

  /// Ranks a section by sorting its slots.
  mutating func rank(_ section: Int) {
    let range = compiled.sections[section].slots
    let tieBreak = compiled.sections[section].section.tieBreak
    let sorted = range.sorted { ranksBefore($0, $1, tieBreak: tieBreak) }
    for (offset, slot) in sorted.enumerated() {
      order[range.lowerBound + offset] = Int32(slot)
      place[slot] = Int32(offset)
    }
  }

  /// Ranks a section again after the totals of `moved` changed: the others keep their order. One
  /// moved slot moves in place, past the slots it now ranks before or after; several are taken out
  /// and put back at their places by binary search.
  mutating func rerank(_ section: Int, moved: [Int]) {
    let range = compiled.sections[section].slots
    let tieBreak = compiled.sections[section].section.tieBreak
    let first = range.lowerBound
    if moved.count == 1 {
      let slot = moved[0]
      var position = Int(place[slot])
      while position > 0, ranksBefore(slot, Int(order[first + position - 1]), tieBreak: tieBreak) {
        order[first + position] = order[first + position - 1]
        place[Int(order[first + position])] = Int32(position)
        position -= 1
      }
      while first + position + 1 < range.upperBound,
        ranksBefore(Int(order[first + position + 1]), slot, tieBreak: tieBreak)
      {
        order[first + position] = order[first + position + 1]
        place[Int(order[first + position])] = Int32(position)
        position += 1
      }
      order[first + position] = Int32(slot)
      place[slot] = Int32(position)
      return
    }
    var ranked = order[range].filter { !moved.contains(Int($0)) }
    for slot in moved {
      var (low, high) = (0, ranked.count)
      while low < high {
        let middle = (low + high) / 2
        if ranksBefore(Int(ranked[middle]), slot, tieBreak: tieBreak) { low = middle + 1 } else { high = middle }
      }
      ranked.insert(Int32(slot), at: low)
    }
    for (offset, slot) in ranked.enumerated() {
      order[first + offset] = slot
      place[Int(slot)] = Int32(offset)
    }
  }

  /// The band each of `slots` falls in by its total: the first, best first, whose lower bound it
  /// reaches; the lowest for anything below.
  mutating func assignBands(_ slots: some Sequence<Int>, section: Int) {
    let from = compiled.sections[section].from
    guard !from.isEmpty else { return }
    for slot in slots {
      var own = 0
      while own < from.count - 1 && total[slot] < from[own] { own += 1 }
      band[slot] = Int8(own)
    }
  }

  /// Grades a section from its bands: each band capped by a veto, then held to the quotas.
  mutating func assignGrades(_ section: Int) {
    let layout = compiled.sections[section]
    guard !layout.from.isEmpty else { return }
    for slot in layout.slots { grade[slot] = cappedBand(slot, layout: layout) }
    Self.holdToQuotas(layout, order: order, grade: &grade) { _, _, _ in }
  }

  /// The band of `slot`, capped by a veto when it has one.
  func cappedBand(_ slot: Int, layout: CompiledScheme.Section) -> Int8 {
    layout.vetoBand >= 0 && vetoed[slot] ? max(band[slot], Int8(layout.vetoBand)) : band[slot]
  }

  /// The quotas, best band first: in rank order, the members of a band beyond its limit drop to
  /// the next band, where they count against its quota in turn. `demote` hears of each drop: the
  /// slot, the band it leaves and its place among that band's members (from 0).
  static func holdToQuotas(
    _ layout: CompiledScheme.Section, order: ContiguousArray<Int32>, grade: inout ContiguousArray<Int8>,
    demote: (_ slot: Int, _ band: Int, _ place: Int) -> Void
  ) {
    for (index, limit) in layout.limits.enumerated() where index + 1 < layout.limits.count {
      guard let limit else { continue }
      var members = 0
      for position in layout.slots {
        let slot = Int(order[position])
        guard grade[slot] == index else { continue }
        if members >= limit {
          grade[slot] = Int8(index + 1)
          demote(slot, index, members)
        }
        members += 1
      }
    }
  }

  /// The quota drops of each slot of `section`, as `assignGrades` made them: the band left and the
  /// place among its members (from 0).
  func quotaDrops(_ section: Int) -> [Int: [(band: Int, place: Int)]] {
    let layout = compiled.sections[section]
    var grades = grade
    for slot in layout.slots { grades[slot] = cappedBand(slot, layout: layout) }
    var drops: [Int: [(band: Int, place: Int)]] = [:]
    Self.holdToQuotas(layout, order: order, grade: &grades) { slot, band, place in
      drops[slot, default: []].append((band, place))
    }
    return drops
  }
}
