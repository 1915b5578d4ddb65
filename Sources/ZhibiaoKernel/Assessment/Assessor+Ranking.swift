import Foundation

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

  /// Ranks a section again after the totals of `moved` changed: the others keep their order, and
  /// each moved slot is put back at its place by binary search.
  mutating func rerank(_ section: Int, moved: [Int]) {
    let range = compiled.sections[section].slots
    let tieBreak = compiled.sections[section].section.tieBreak
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
      order[range.lowerBound + offset] = slot
      place[Int(slot)] = Int32(offset)
    }
  }

  /// Grades a section as `SectionAssessment.run` does: the band each total falls in, capped by a
  /// veto, then held to the quotas in rank order, those beyond a full band dropping to the next.
  mutating func assignGrades(_ section: Int) {
    let layout = compiled.sections[section]
    guard !layout.from.isEmpty else { return }
    for slot in layout.slots {
      let own = layout.from.firstIndex { total[slot] >= $0 } ?? layout.from.count - 1
      band[slot] = Int8(own)
      grade[slot] = Int8(layout.vetoBand >= 0 && vetoed[slot] ? max(own, layout.vetoBand) : own)
    }
    for (index, limit) in layout.limits.enumerated() where index + 1 < layout.limits.count {
      guard let limit else { continue }
      var members = 0
      for position in layout.slots {
        let slot = Int(order[position])
        guard grade[slot] == index else { continue }
        if members >= limit { grade[slot] = Int8(index + 1) }
        members += 1
      }
    }
  }
}
