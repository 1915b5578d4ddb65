import Testing
import ZhibiaoKernel

/// Published vectors, vectors cross-checked with the `apportionment` package, ties and
/// refusals of whole-number apportionment.
@Suite("Apportionment")
struct ApportionmentTests {
  static let alabama: [Double] = [21878, 9713, 4167, 3252, 1065]
  static let sixParties: [Double] = [47000, 16000, 15900, 12000, 6000, 3100]

  @Test("Hamilton shows the Alabama paradox: 43 seats give [24,10,4,4,1], 44 give [24,11,5,3,1]")
  func alabamaParadox() throws {
    #expect(try Apportionment.apportion(seats: 43, weights: Self.alabama, method: .hamilton) == [24, 10, 4, 4, 1])
    #expect(try Apportionment.apportion(seats: 44, weights: Self.alabama, method: .hamilton) == [24, 11, 5, 3, 1])
  }

  @Test("D'Hondt and Webster on [4160, 3380, 2460] with 10 seats")
  func threeParties() throws {
    let weights: [Double] = [4160, 3380, 2460]
    #expect(try Apportionment.apportion(seats: 10, weights: weights, method: .dhondt) == [4, 4, 2])
    #expect(try Apportionment.apportion(seats: 10, weights: weights, method: .webster) == [4, 3, 3])
    #expect(try Apportionment.apportion(seats: 10, weights: weights) == [4, 3, 3], "Webster is the default")
  }

  @Test("D'Hondt, Sainte-Laguë, Huntington–Hill and Adams on six parties with 10 seats")
  func sixPartyVectors() throws {
    let w = Self.sixParties
    #expect(try Apportionment.apportion(seats: 10, weights: w, method: .dhondt) == [5, 2, 2, 1, 0, 0])
    #expect(try Apportionment.apportion(seats: 10, weights: w, method: .webster) == [4, 2, 2, 1, 1, 0])
    // By hand: six first seats, then 47000/√2 ≈ 33234, 47000/√6 ≈ 19187, 47000/√12 ≈ 13568,
    // and the tenth to 16000/√2 ≈ 11314 over 15900/√2 ≈ 11243 and 47000/√20 ≈ 10510.
    #expect(try Apportionment.apportion(seats: 10, weights: w, method: .huntingtonHill) == [4, 2, 1, 1, 1, 1])
    #expect(try Apportionment.apportion(seats: 10, weights: w, method: .adams) == [3, 2, 2, 1, 1, 1])
  }

  @Test("Huntington–Hill on the Alabama populations")
  func huntingtonHillAlabama() throws {
    #expect(try Apportionment.apportion(seats: 10, weights: Self.alabama, method: .huntingtonHill) == [5, 2, 1, 1, 1])
    #expect(
      try Apportionment.apportion(seats: 43, weights: Self.alabama, method: .huntingtonHill) == [23, 10, 5, 4, 1])
  }

  @Test("Huntington–Hill gives first seats before second ones, and with too few seats to the larger weights")
  func firstSeatsFirst() throws {
    #expect(try Apportionment.apportion(seats: 4, weights: [5, 3, 1], method: .huntingtonHill) == [2, 1, 1])
    #expect(try Apportionment.apportion(seats: 3, weights: [100, 3, 1], method: .huntingtonHill) == [1, 1, 1])
    #expect(try Apportionment.apportion(seats: 2, weights: [5, 3, 1], method: .huntingtonHill) == [1, 1, 0])
    #expect(try Apportionment.apportion(seats: 2, weights: [5, 0, 1], method: .adams) == [1, 0, 1])
    #expect(throws: ApportionmentError.tie(method: .huntingtonHill, indices: [1, 2], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 2, weights: [5, 3, 3], method: .huntingtonHill)
    }
  }

  /// Cross-checked with the PyPI package `apportionment` 1.0 (`compute(method, votes, seats,
  /// fractions=True, tiesallowed=False)`) on random problems without ties.
  static let crossChecked: [(Apportionment.Method, Int, [Double], [Int])] = [
    (
      .adams, 5, [157384, 96701, 26472, 179516, 177369, 3923, 36514, 110999, 185885, 52134, 197844, 186099],
      [0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1]
    ),
    (.adams, 65, [7771, 121800, 157042, 182757], [2, 17, 21, 25]),
    (.dhondt, 79, [87074, 75633], [42, 37]),
    (
      .webster, 82, [168181, 150111, 59685, 183908, 59807, 181020, 16773, 74343, 76704, 97242, 26658],
      [13, 11, 4, 14, 4, 14, 1, 6, 6, 7, 2]
    ),
    (.hamilton, 64, [74936, 71386, 106781], [19, 18, 27]),
    (
      .adams, 36, [19870, 183638, 1203, 71025, 74340, 148640, 44126, 66587, 151351, 169251, 44836, 167405, 190501],
      [1, 5, 1, 2, 2, 4, 1, 2, 4, 4, 1, 4, 5]
    ),
    (.dhondt, 33, [34560, 36308, 25834, 50871, 162241], [4, 4, 2, 5, 18]),
    (
      .hamilton, 57, [152145, 108717, 77566, 97844, 113537, 80370, 61037, 185518, 138348, 59047, 36249],
      [8, 6, 4, 5, 6, 4, 3, 9, 7, 3, 2]
    ),
    (.hamilton, 87, [181469, 168684, 81426], [37, 34, 16]),
    (.webster, 7, [191115, 96341, 94280, 37061, 147699, 107706, 86100], [2, 1, 1, 0, 1, 1, 1]),
    (.adams, 13, [47987, 44531, 82124, 83708, 55189, 170623, 168367, 79933], [1, 1, 1, 2, 1, 3, 3, 1]),
    (
      .webster, 2, [159464, 122455, 27323, 16425, 49306, 90182, 196515, 32442, 120504, 37953],
      [1, 0, 0, 0, 0, 0, 1, 0, 0, 0]
    ),
    (
      .dhondt, 25, [122531, 133212, 85761, 163812, 135953, 146552, 149544, 119355, 166708, 172883],
      [2, 2, 1, 3, 3, 3, 3, 2, 3, 3]
    ),
    (
      .hamilton, 24, [165130, 35795, 139255, 18138, 18419, 5484, 191177, 46681, 125511, 191960, 140534],
      [4, 1, 3, 0, 1, 0, 4, 1, 3, 4, 3]
    ),
    (
      .dhondt, 6, [73558, 60636, 74976, 10511, 66101, 51974, 162093, 172674, 64654, 168696, 175871, 6546, 79148],
      [0, 0, 0, 0, 0, 0, 1, 2, 0, 1, 2, 0, 0]
    ),
    (.hamilton, 24, [187329, 9634, 5781, 105505, 31408, 36118, 184262], [8, 0, 0, 5, 1, 2, 8]),
    (
      .webster, 16, [132208, 109847, 177109, 20067, 34557, 152423, 143622, 8205, 20191, 186871, 84425, 155750],
      [2, 2, 2, 0, 0, 2, 2, 0, 0, 3, 1, 2]
    ),
    (
      .dhondt, 2, [40679, 137321, 36001, 33303, 150706, 137361, 21870, 70516, 89171, 154654, 45701, 132730],
      [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]
    ),
    (.adams, 20, [49346, 81054, 36103, 31954, 69420], [4, 6, 3, 2, 5]),
    (
      .hamilton, 4, [15756, 181739, 120430, 93184, 108974, 72189, 133062, 106930, 67045, 102687, 195696, 82995],
      [0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0]
    ),
    (.dhondt, 11, [56918, 112246, 181843, 189474, 82211, 66001], [1, 2, 3, 3, 1, 1]),
    (
      .webster, 32, [164620, 132348, 160332, 62914, 165930, 11147, 120174, 79666, 172618, 39147, 177685],
      [4, 3, 4, 2, 4, 0, 3, 2, 4, 1, 5]
    ),
    (.webster, 30, [59217, 181018, 119042], [5, 15, 10]),
    (
      .hamilton, 84, [57364, 47274, 179415, 100782, 34836, 36311, 164847, 175820, 15617, 168897],
      [5, 4, 15, 9, 3, 3, 14, 15, 1, 15]
    ),
    (.webster, 28, [51760, 177890, 141019, 101562, 123459], [2, 8, 7, 5, 6]),
    (.webster, 68, [163813, 84689, 151221], [28, 14, 26]),
    (.webster, 45, [136139, 55903, 102312, 13283, 16526], [19, 8, 14, 2, 2]),
    (.huntingtonHill, 3, [172529, 190728], [1, 2]),
    (.dhondt, 22, [69414, 23582, 107193, 132748, 181351, 158005], [2, 0, 4, 5, 6, 5]),
    (.dhondt, 79, [112082, 59856, 132191, 518], [29, 15, 35, 0]),
    (.hamilton, 90, [118444, 140305, 127163], [27, 33, 30]),
    (.webster, 42, [86080, 161974, 71555], [11, 22, 9]),
    (.webster, 74, [186219, 152869, 41780], [36, 30, 8]),
    (.huntingtonHill, 23, [184238, 198993, 46941, 66771, 76696, 113260], [6, 6, 2, 2, 3, 4]),
    (.dhondt, 23, [63610, 103445], [9, 14]),
    (
      .webster, 34, [157008, 190355, 59746, 195263, 107894, 177461, 52523, 78851, 60843, 103949, 131307, 145780],
      [4, 5, 1, 5, 3, 4, 1, 2, 1, 2, 3, 3]
    ),
    (.webster, 57, [19485, 39281, 79728, 154277, 186594, 105725], [2, 4, 8, 15, 18, 10]),
    (.hamilton, 86, [180520, 52845], [67, 19]),
    (
      .webster, 46, [127901, 56620, 185294, 71228, 11572, 100389, 8452, 77139, 165932, 63470, 193018],
      [6, 2, 8, 3, 1, 4, 0, 3, 7, 3, 9]
    ),
    (.huntingtonHill, 52, [101969, 169062, 161692, 36045, 157554, 126823], [7, 11, 11, 3, 11, 9]),
  ]

  @Test("Random problems agree with the apportionment package", arguments: 0..<crossChecked.count)
  func crossCheckedVector(index: Int) throws {
    let (method, seats, weights, expected) = Self.crossChecked[index]
    #expect(try Apportionment.apportion(seats: seats, weights: weights, method: method) == expected)
  }

  @Test("Every method describes itself and apportions a simple case", arguments: Apportionment.Method.allCases)
  func methodDescribesItself(method: Apportionment.Method) throws {
    #expect(Apportionment.Method(rawValue: method.rawValue) == method)
    #expect(!method.name.zh.isEmpty && !method.name.en.isEmpty)
    #expect(!method.formula.zh.isEmpty && !method.formula.en.isEmpty)
    #expect(method.formula.en.contains("w_i"))
    #expect(method.isDivisorMethod == (method.divisor(seatsHeld: 3) != nil))
    if let d0 = method.divisor(seatsHeld: 0), let d1 = method.divisor(seatsHeld: 1) {
      #expect(d0 >= 0 && d0 <= 1 && d1 >= 1 && d1 <= 2)
    }
    #expect(try Apportionment.apportion(seats: 6, weights: [3, 2, 1], method: method) == [3, 2, 1])
    #expect(try Apportionment.apportion(seats: 0, weights: [3, 2, 1], method: method) == [0, 0, 0])
    #expect(try Apportionment.apportion(seats: 5, weights: [1, 0, 1, 1, 2], method: method) == [1, 0, 1, 1, 2])
  }

  @Test(
    "The raw values are the stable names",
    arguments: [
      (Apportionment.Method.hamilton, "hamilton"), (.webster, "webster"), (.dhondt, "dhondt"),
      (.huntingtonHill, "huntington_hill"), (.adams, "adams"),
    ])
  func rawValues(method: Apportionment.Method, raw: String) {
    #expect(method.rawValue == raw)
  }

  @Test("Two equal weights and one seat tie under every method", arguments: Apportionment.Method.allCases)
  func equalWeightsTie(method: Apportionment.Method) {
    #expect(throws: ApportionmentError.tie(method: method, indices: [0, 1], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 1, weights: [1, 1], method: method)
    }
    #expect(throws: ApportionmentError.tie(method: method, indices: [0, 1], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 3, weights: [2.5, 2.5], method: method)
    }
  }

  @Test("D'Hondt on [2,1,1] with 2 seats ties three ways for the second seat; Webster two ways")
  func threeWayTie() {
    #expect(throws: ApportionmentError.tie(method: .dhondt, indices: [0, 1, 2], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 2, weights: [2, 1, 1], method: .dhondt)
    }
    #expect(throws: ApportionmentError.tie(method: .webster, indices: [1, 2], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 2, weights: [2, 1, 1], method: .webster)
    }
  }

  @Test("A tie of two seats among three entries names all three and two seats")
  func twoSeatsInContention() {
    #expect(throws: ApportionmentError.tie(method: .dhondt, indices: [0, 1, 2], seatsInContention: 2)) {
      try Apportionment.apportion(seats: 2, weights: [1, 1, 1], method: .dhondt)
    }
    #expect(throws: ApportionmentError.tie(method: .hamilton, indices: [0, 1, 2], seatsInContention: 2)) {
      try Apportionment.apportion(seats: 5, weights: [1, 1, 1], method: .hamilton)
    }
  }

  @Test("Decimal weights tie when their decimal ratios are equal, though 0.1 × 3 ≠ 0.3 in binary")
  func decimalWeightsTie() {
    // Webster: after 0.3 takes the first seat, 0.3/(1 + ½) and 0.1/(0 + ½) are both 0.2.
    #expect(throws: ApportionmentError.tie(method: .webster, indices: [0, 1], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 2, weights: [0.3, 0.1], method: .webster)
    }
    // Hamilton: quotas 0.5, 1.5 and 3 leave one seat for two remainders of ½.
    #expect(throws: ApportionmentError.tie(method: .hamilton, indices: [0, 1], seatsInContention: 1)) {
      try Apportionment.apportion(seats: 5, weights: [0.1, 0.3, 0.6], method: .hamilton)
    }
  }

  @Test("A tie broken by a floor or a cap is no longer a tie")
  func tieSettledByBounds() throws {
    #expect(try Apportionment.apportion(seats: 1, weights: [1, 1], floors: [0, 1]) == [0, 1])
    #expect(try Apportionment.apportion(seats: 2, weights: [2, 1, 1], method: .dhondt, caps: [1, 1, 0]) == [1, 1, 0])
  }

  @Test("Floors and caps hold, and zero weights get their floor")
  func bounds() throws {
    let weights: [Double] = [900, 50, 30, 20, 0]
    let result = try Apportionment.apportion(
      seats: 20, weights: weights, floors: [0, 2, 2, 2, 1], caps: [12, 20, 20, 20, 20])
    #expect(result == [12, 3, 2, 2, 1])
    #expect(
      try Apportionment.apportion(
        seats: 20, weights: weights, method: .hamilton, floors: [0, 2, 2, 2, 1], caps: [12, 20, 20, 20, 20]) == [
          12, 3, 2, 2, 1,
        ])
  }

  @Test("Infeasible bounds are refused with the sums and the gap")
  func infeasible() {
    #expect(throws: ApportionmentError.lowerBoundsExceedTotal(total: 5, lowerSum: 6, excess: 1)) {
      try Apportionment.apportion(seats: 5, weights: [1, 2, 3], floors: [2, 2, 2])
    }
    #expect(throws: ApportionmentError.capacityBelowTotal(total: 10, capacity: 7, shortfall: 3)) {
      try Apportionment.apportion(seats: 10, weights: [1, 2, 0], floors: [0, 0, 1], caps: [3, 3, 5])
    }
    #expect(throws: ApportionmentError.capacityBelowTotal(total: 1, capacity: 0, shortfall: 1)) {
      try Apportionment.apportion(seats: 1, weights: [0, 0])
    }
    #expect(throws: ApportionmentError.invalidBounds(index: 1, lower: 3, upper: 2)) {
      try Apportionment.apportion(seats: 5, weights: [1, 2], floors: [0, 3], caps: [5, 2])
    }
    #expect(throws: ApportionmentError.countMismatch(list: "caps", count: 1, expected: 2)) {
      try Apportionment.apportion(seats: 5, weights: [1, 2], caps: [5])
    }
    #expect(throws: ApportionmentError.invalidWeight(index: 0, weight: -1)) {
      try Apportionment.apportion(seats: 5, weights: [-1, 2])
    }
    #expect(throws: ApportionmentError.invalidTotal(total: -1)) {
      try Apportionment.apportion(seats: -1, weights: [1, 2])
    }
  }

  @Test("Error descriptions are sentences that name the numbers")
  func descriptions() {
    let errors: [ApportionmentError] = [
      .invalidTotal(total: -1), .invalidWeight(index: 2, weight: .nan), .invalidValue(index: 0, value: .infinity),
      .countMismatch(list: "floors", count: 3, expected: 13), .invalidBounds(index: 4, lower: 10, upper: 5),
      .lowerBoundsExceedTotal(total: 70, lowerSum: 75, excess: 5),
      .capacityBelowTotal(total: 70, capacity: 60, shortfall: 10),
      .tie(method: .webster, indices: [3, 7], seatsInContention: 1), .invalidPrecision(precision: 0),
      .totalNotMultipleOfPrecision(total: 12.35, precision: 0.1),
    ]
    for error in errors {
      let text = error.description
      #expect(text.first?.isUppercase == true && text.hasSuffix("."), "\(text)")
    }
    #expect(
      ApportionmentError.lowerBoundsExceedTotal(total: 70, lowerSum: 75, excess: 5).description
        == "The lower bounds add up to 75, which exceeds the total 70 by 5; lower some floors or raise the total.")
    #expect(
      ApportionmentError.tie(method: .webster, indices: [3, 7], seatsInContention: 1).description.hasPrefix(
        "The entries at indices 3, 7 tie for the last seat under Webster (Sainte-Laguë)"))
  }

  @Test("70 incubators over 13 districts, one each at least, at most 15 each", arguments: Apportionment.Method.allCases)
  func thirteenDistricts(method: Apportionment.Method) throws {
    let weights: [Double] = [182, 141, 120, 97, 88, 64, 51, 43, 30, 22, 17, 9, 4]
    let floors = Array(repeating: 1, count: 13)
    let caps = Array(repeating: 15, count: 13)
    let seats = try Apportionment.apportion(seats: 70, weights: weights, method: method, floors: floors, caps: caps)
    #expect(seats.reduce(0, +) == 70)
    #expect(seats.allSatisfy { (1...15).contains($0) })
    #expect(seats == seats.sorted(by: >), "a larger weight never gets fewer: \(seats)")
  }

  @Test("Large counts are apportioned without stepping seat by seat")
  func largeCounts() throws {
    let result = try Apportionment.apportion(seats: 1_000_000, weights: Self.sixParties, method: .dhondt)
    #expect(result.reduce(0, +) == 1_000_000)
    #expect(result == [470_000, 160_000, 159_000, 120_000, 60_000, 31_000])
  }
}
