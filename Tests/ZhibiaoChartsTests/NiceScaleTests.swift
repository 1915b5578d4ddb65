import Testing

@testable import ZhibiaoCharts

/// The tick algorithm: the smallest step of 1, 2 or 5 × 10^k that covers the range in at most the
/// given number of intervals. Expected ticks are worked out by hand in each case's comment.
@Suite struct NiceScaleTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let low: Double
    let high: Double
    let intervals: Int
    let ticks: [String]
    var testDescription: String { "\(low)…\(high) in ≤\(intervals)" }
  }

  static let cases: [Case] = [
    // 100 needs 13 intervals, 200 needs ⌈1234/200⌉ = 7.
    Case(low: 0, high: 1234, intervals: 7, ticks: ["0", "200", "400", "600", "800", "1,000", "1,200", "1,400"]),
    // With at most 6, 200 is too fine (7) and 500 needs 3.
    Case(low: 0, high: 1234, intervals: 6, ticks: ["0", "500", "1,000", "1,500"]),
    // 10 needs 10 intervals, 20 needs 5.
    Case(low: 0, high: 100, intervals: 5, ticks: ["0", "20", "40", "60", "80", "100"]),
    // 1: ⌊−3.2⌋ = −4 to ⌈7.5⌉ = 8 is 12; 2: −2 to 4 is 6.
    Case(low: -3.2, high: 7.5, intervals: 6, ticks: ["-4", "-2", "0", "2", "4", "6", "8"]),
    // The progress axis at its ceiling: 0.1 needs 12, 0.2 needs 6 — 1.2 / 0.2 must not round to 7.
    Case(low: 0, high: 1.2, intervals: 6, ticks: ["0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"]),
    // 0.01: 1 to 9 is 8; 0.02: 0 to 5 is 5.
    Case(low: 0.013, high: 0.087, intervals: 5, ticks: ["0", "0.02", "0.04", "0.06", "0.08", "0.1"]),
    // 1,000: 18 to 25 is 7; 2,000: 9 to 13 is 4.
    Case(low: 18000, high: 25000, intervals: 6, ticks: ["18,000", "20,000", "22,000", "24,000", "26,000"]),
    // One value runs from zero: 0…5 by 1.
    Case(low: 5, high: 5, intervals: 6, ticks: ["0", "1", "2", "3", "4", "5"]),
    // Nothing at all: 0…1 by 0.2.
    Case(low: 0, high: 0, intervals: 5, ticks: ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
  ]

  @Test(arguments: cases)
  func givesTheHandWorkedTicks(_ example: Case) {
    let scale = NiceScale(covering: example.low, example.high, maximumIntervals: example.intervals)
    #expect(scale.ticks.map { ChartNumber.format($0, fractionDigits: scale.fractionDigits) } == example.ticks)
  }

  @Test func printsThreeTenthsAsWritten() {
    let scale = NiceScale(covering: 0, 0.7, maximumIntervals: 7)
    #expect(scale.step == 0.1)
    #expect(scale.ticks[3] == 0.3)
    #expect(scale.fractionDigits == 1)
  }

  @Test(arguments: [(0.0, 1.0), (3, 97), (-120, -3), (0.0004, 0.0091), (1e6, 3.3e7), (-1, 1), (12.5, 12.5001)])
  func coversTheRangeInFewIntervalsOfOneTwoOrFive(low: Double, high: Double) {
    for intervals in 2...10 {
      let scale = NiceScale(covering: low, high, maximumIntervals: intervals)
      #expect(scale.lower <= low && scale.upper >= high)
      #expect(scale.ticks.count - 1 <= intervals)
      var mantissa = scale.step
      while mantissa >= 10 { mantissa /= 10 }
      while mantissa < 1 { mantissa *= 10 }
      #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(scale.step)")
      // A finer step of the series would need too many intervals, so this one is the smallest.
      let finer = scale.step * (abs(mantissa - 5) < 1e-9 ? 0.4 : 0.5)
      let needed = (high / finer - 1e-9).rounded(.up) - (low / finer + 1e-9).rounded(.down)
      #expect(needed > Double(intervals), "\(finer) would do for \(low)…\(high) in \(intervals)")
    }
  }

  @Test func endsAtAFixedMaximum() {
    // Full marks of 105: 0…105 in ≤6 steps by 20 gives 0…120; the axis stops at 105 instead,
    // and 100 goes because it would crowd 105.
    let scale = NiceScale(covering: 0, 105, maximumIntervals: 6).ending(at: 105)
    #expect(scale.upper == 105)
    #expect(scale.ticks == [0, 20, 40, 60, 80, 105])
    #expect(NiceScale(covering: 0, 100, maximumIntervals: 6).ending(at: 100).ticks == [0, 20, 40, 60, 80, 100])
  }
}
