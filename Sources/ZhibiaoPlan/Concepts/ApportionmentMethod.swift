/// Whole-number apportionment: sharing a count (seats, quotas of recognised entities such as 70
/// national incubators) among entries such as the 13 districts in proportion to weights, with
/// floors and caps, by a named method.
public enum Apportionment {}

extension Apportionment {
  /// A rule that turns weights into whole numbers of seats. Self-describing: each method
  /// carries its name in Chinese and English and its formula, so listings and tests can treat
  /// every registered method alike.
  ///
  /// A divisor method gives the next seat to the entry with the greatest priority
  /// `w_i / d(s_i)`, where `s_i` is the number of seats the entry holds; the methods differ in
  /// the divisor `d(s)`. Hamilton instead rounds the exact quotas by largest remainder.
  public enum Method: String, Sendable, CaseIterable, Codable {
    /// 最大余额法 (Hamilton, Hare quota): quotas `q_i = S·w_i / Σw`, each entry gets `⌊q_i⌋`
    /// and the remaining seats go to the largest remainders `q_i − ⌊q_i⌋`. Satisfies quota but
    /// is not house-monotone (the Alabama paradox).
    case hamilton
    /// 韦伯斯特法 / 圣拉古法 (Webster, Sainte-Laguë): divisor `d(s) = s + ½`, i.e. rounding
    /// quotients half up at a common divisor. The default: unbiased between large and small.
    case webster
    /// 洪德法 / 杰斐逊法 (D'Hondt, Jefferson): divisor `d(s) = s + 1`; favours large entries.
    case dhondt
    /// 亨廷顿-希尔法 (Huntington–Hill, equal proportions): divisor `d(s) = √(s(s + 1))`; since
    /// `d(0) = 0`, every entry of positive weight gets a first seat before any gets a second.
    case huntingtonHill = "huntington_hill"
    /// 亚当斯法 (Adams, smallest divisors): divisor `d(s) = s`; like Huntington–Hill, first
    /// seats come first; favours small entries.
    case adams
  }
}
