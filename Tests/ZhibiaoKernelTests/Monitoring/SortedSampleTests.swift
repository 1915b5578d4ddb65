import PropertyBased
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Monitoring: the sorted sample of growth across districts")
struct SortedSampleTests {
  /// The spread as the definitions state it: the middle of the sorted values, the middle of their
  /// sorted absolute deviations, and the mean deviation added in ascending order of the values.
  static func reference(_ values: [Double]) -> [Double] {
    func middle(_ sorted: [Double]) -> Double {
      let half = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
    }
    let sorted = values.sorted()
    let median = middle(sorted)
    let deviations = sorted.map { abs($0 - median) }
    let total = deviations.reduce(0, +)
    return [median, middle(deviations.sorted()), total / Double(values.count)]
  }

  /// The median, MAD and MeanAD of a spread.
  static func figures(_ spread: ModifiedZScore.Spread?) -> [Double] {
    spread.map { [$0.median, $0.medianAbsoluteDeviation, $0.meanAbsoluteDeviation] } ?? []
  }

  /// Values with many ties (quarters of whole numbers) and values with none (any double in a range).
  static let tied = Gen.int(in: -40...40).map { Double($0) / 4 }.array(of: 1...200)
  static let untied = Gen.double(in: -3...3).array(of: 1...200)

  @Test(
    "Property: values added one at a time in any order and some taken out again give the sorted values and their spread"
  )
  func followsChanges() async {
    await propertyCheck(count: 300, input: Self.tied, Self.untied, Gen.int(in: 0...1_000_000)) { tied, untied, seed in
      var random = AssessorRandom(state: UInt64(seed))
      for values in [tied, untied] { Self.follow(values, using: &random) }
    }
  }

  /// Adds `values` in a random order, takes some out, and compares with the reference.
  static func follow(_ values: [Double], using random: inout AssessorRandom) {
    var sample = SortedSample()
    for value in values.shuffled(using: &random) { sample.insert(value) }
    var kept = values
    for _ in 0..<Int.random(in: 0..<values.count, using: &random) {
      let taken = kept.remove(at: Int.random(in: 0..<kept.count, using: &random))
      let removed = sample.remove(taken)
      #expect(removed)
    }
    let absent = sample.remove(1_000)
    #expect(!absent, "a value the sample does not hold is not taken out")
    #expect(Array(sample.values) == kept.sorted())
    #expect(figures(sample.spread) == reference(kept), "\(kept)")
  }

  @Test(
    "Property: the spread of a short or long series, sorted by the network or the standard sort, is the reference's")
  func spreadMatchesReference() async {
    await propertyCheck(count: 300, input: Self.tied, Self.untied) { tied, untied in
      for values in [tied, untied] {
        #expect(Array(SortedSample(values).values) == values.sorted())
        #expect(Self.figures(ModifiedZScore.spread(of: values)) == Self.reference(values), "\(values)")
      }
    }
  }

  @Test(
    "Property: the MAD of an org's short series (up to 16 values, found by the least of the largest of each split) is the reference's to the bit"
  )
  func shortSeriesMatchReference() async {
    let tiedShort = Gen.int(in: -8...8).map { Double($0) / 4 }.array(of: 1...16)
    let untiedShort = Gen.double(in: -3...3).array(of: 1...16)
    await propertyCheck(count: 500, input: tiedShort, untiedShort) { tied, untied in
      for values in [tied, untied] {
        let found = Self.figures(ModifiedZScore.spread(of: values)).map(\.bitPattern)
        #expect(found == Self.reference(values).map(\.bitPattern), "\(values)")
      }
    }
  }

  @Test(
    "Property: the spread selected from many districts' growth, with ties or without, is the sorted sample's to the bit, or nil where MAD = 0"
  )
  func selectedSpreadMatchesSorted() async {
    let tiedMany = Gen.int(in: -40...40).map { Double($0) / 4 }.array(of: 1...3_000)
    let untiedMany = Gen.double(in: -3...3).array(of: 1...3_000)
    let fewDistinct = Gen.int(in: 0...2).map(Double.init).array(of: 64...500)
    await propertyCheck(count: 100, input: tiedMany, untiedMany, fewDistinct) { tied, untied, few in
      for values in [tied, untied, few] {
        let sorted = SortedSample(values)
        var buffer = values.map { $0 + 0 }
        var deviations = [Double](repeating: 0, count: values.count)
        let selected = buffer.withUnsafeMutableBufferPointer { buffer in
          deviations.withUnsafeMutableBufferPointer {
            ModifiedZScore.scoringSpread(selecting: buffer, deviations: $0)
          }
        }
        #expect(buffer.sorted() == Array(sorted.values), "selecting keeps the values")
        guard let spread = sorted.spread(scoring: true) else { continue }
        if let selected {
          #expect(selected.median.bitPattern == spread.median.bitPattern, "\(values)")
          #expect(selected.medianAbsoluteDeviation.bitPattern == spread.medianAbsoluteDeviation.bitPattern)
          #expect(selected.meanAbsoluteDeviation.isNaN && spread.meanAbsoluteDeviation.isNaN)
        } else {
          #expect(values.count < 64 || spread.medianAbsoluteDeviation == 0, "\(values)")
        }
      }
    }
  }

  @Test("Every short length the sorting network takes, padded or full, sorts")
  func networkSortsEveryLength() {
    var random = AssessorRandom(state: 16)
    for count in 0...17 {
      for _ in 0..<200 {
        let values = (0..<count).map { _ in Double(Int.random(in: -5...5, using: &random)) }
        #expect(Array(SortedSample(values).values) == values.sorted(), "\(values)")
      }
    }
  }
}
