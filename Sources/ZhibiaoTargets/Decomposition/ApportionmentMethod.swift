import ZhibiaoPlan

/// What each method says of itself, its name and its formula, and the divisor it allocates by.
extension Apportionment.Method {
  /// The method's name in Chinese and English.
  public var name: LocalizedText {
    switch self {
    case .hamilton: LocalizedText(zh: "最大余额法（黑尔数额）", en: "Hamilton (largest remainder, Hare quota)")
    case .webster: LocalizedText(zh: "韦伯斯特法（圣拉古法）", en: "Webster (Sainte-Laguë)")
    case .dhondt: LocalizedText(zh: "洪德法（杰斐逊法）", en: "D'Hondt (Jefferson)")
    case .huntingtonHill: LocalizedText(zh: "亨廷顿-希尔法（等比例法）", en: "Huntington–Hill (equal proportions)")
    case .adams: LocalizedText(zh: "亚当斯法（最小除数法）", en: "Adams (smallest divisors)")
    }
  }

  /// How the method allocates, as a formula in words, in Chinese and English.
  public var formula: LocalizedText {
    switch self {
    case .hamilton:
      LocalizedText(
        zh: "q_i = S·w_i/Σw；各得 ⌊q_i⌋，余下席位按余数 q_i − ⌊q_i⌋ 从大到小分配",
        en: "q_i = S·w_i/Σw; each gets ⌊q_i⌋, the remaining seats go to the largest remainders q_i − ⌊q_i⌋")
    case .webster:
      LocalizedText(
        zh: "逐席分配给 w_i/(s_i + 0.5) 最大者", en: "each next seat goes to the largest w_i/(s_i + 0.5)")
    case .dhondt:
      LocalizedText(zh: "逐席分配给 w_i/(s_i + 1) 最大者", en: "each next seat goes to the largest w_i/(s_i + 1)")
    case .huntingtonHill:
      LocalizedText(
        zh: "逐席分配给 w_i/√(s_i(s_i + 1)) 最大者；未得席者优先，按权重从大到小",
        en: "each next seat goes to the largest w_i/√(s_i(s_i + 1)); entries without a seat first, by weight")
    case .adams:
      LocalizedText(
        zh: "逐席分配给 w_i/s_i 最大者；未得席者优先，按权重从大到小",
        en: "each next seat goes to the largest w_i/s_i; entries without a seat first, by weight")
    }
  }

  /// Whether the method allocates seat by seat through a divisor `d(s)`.
  public var isDivisorMethod: Bool { self != .hamilton }

  /// The divisor `d(s)` for an entry that holds `seats` seats: `s + ½` (Webster), `s + 1`
  /// (D'Hondt), `√(s(s + 1))` (Huntington–Hill), `s` (Adams); nil for Hamilton.
  public func divisor(seatsHeld seats: Int) -> Double? {
    let s = Double(seats)
    switch self {
    case .hamilton: return nil
    case .webster: return s + 0.5
    case .dhondt: return s + 1
    case .huntingtonHill: return (s * (s + 1)).squareRoot()
    case .adams: return s
    }
  }

  /// The power `k` and the whole-number key `m(s)` such that priorities compare as
  /// `w_i^k · m(s_j)` against `w_j^k · m(s_i)`: Webster `2s + 1`, D'Hondt `s + 1`, Adams
  /// `s`, Huntington–Hill `s(s + 1)` with squared weights. Hamilton has none.
  var priorityKey: (power: Int, key: @Sendable (Int) -> Int)? {
    switch self {
    case .hamilton: nil
    case .webster: (1, { 2 * $0 + 1 })
    case .dhondt: (1, { $0 + 1 })
    case .huntingtonHill: (2, { $0 * ($0 + 1) })
    case .adams: (1, { $0 })
    }
  }
}
