import ZhibiaoObservations
import ZhibiaoPlan

/// The counts of a register-counted indicator at every quarter of an axis at once, as
/// `RegisterEntry.count` gives them one period at a time.
///
/// `RegisterEntry.count` looks at every entry for every period: for a register of a few thousand
/// entries, 14 orgs and 24 quarters that is most of the time of laying out the monitoring grid.
/// Here each entry is placed once: the quarters it counts in form one run — from the first
/// quarter whose last day is on or after its recognition, to the last one before its withdrawal
/// (a stock) or the last one of its year (a flow) — found by binary search among the quarters'
/// last days and first days of the year, compared as the same `YYYY-MM-DD` texts. A run adds one at
/// its start and takes one away after its end; the counts are the running sums.
struct RegisterCounts {
  /// The last day of each quarter, `YYYY-MM-DD`.
  let ends: [String]
  /// The first day of each quarter's year.
  let yearStarts: [String]

  /// The quarters must rise, and their years have four digits (a plan's base year lies between
  /// 1949 and 2200), so that the days, compared as text, rise with them.
  init(periods: [Period]) {
    ends = periods.map(RegisterEntry.lastDay(of:))
    yearStarts = periods.map { "\($0.year)-01-01" }
    assert(zip(ends, ends.dropFirst()).allSatisfy { $0 <= $1 }, "the quarters' last days do not rise")
  }

  /// The count at every quarter of `indicator` in `entries` (already those of the org, for a
  /// district); nil when the indicator is not counted from a register.
  func counts(_ indicator: Indicator, org: OrgID, in entries: [RegisterEntry], isDistrict: Bool) -> [Int]? {
    guard let counted = indicator.countOf else { return nil }
    var steps = [Int](repeating: 0, count: ends.count + 1)
    for entry in entries {
      guard entry.register == counted.register, counted.levels.isEmpty || counted.levels.contains(entry.level),
        !isDistrict || entry.org == org
      else { continue }
      // Counted from the first quarter ending on or after the recognition…
      let first = Self.partition(ends) { entry.recognisedOn <= $0 }
      // …up to (not including) the first quarter of a later year (a flow), or the first quarter
      // ending on or after the withdrawal (a stock: the entry counts up to the day before).
      let end: Int
      if indicator.kind == .flow {
        end = Self.partition(yearStarts) { $0 > entry.recognisedOn }
      } else if let withdrawn = entry.withdrawnOn {
        end = Self.partition(ends) { withdrawn <= $0 }
      } else {
        end = ends.count
      }
      guard first < end else { continue }
      steps[first] += 1
      steps[end] -= 1
    }
    var counts = [Int](repeating: 0, count: ends.count)
    var running = 0
    for index in counts.indices {
      running += steps[index]
      counts[index] = running
    }
    return counts
  }

  /// The first index of `days` (rising) where `holds` is true, or `days.count`; `holds` must be
  /// false up to some index and true from it on.
  private static func partition(_ days: [String], _ holds: (String) -> Bool) -> Int {
    var low = 0
    var high = days.count
    while low < high {
      let middle = (low + high) / 2
      if holds(days[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
