/// How a target moves from the base year to the target year.
public enum TimePath: String, Sendable, CaseIterable, Codable {
  /// x_t = x_0 · (1 + g)^t with g = (x_T / x_0)^(1/n) − 1: a constant growth rate, for levels
  /// such as revenue and value added.
  case compound
  /// x_t = x_0 + (x_T − x_0) · t / n: equal steps, for ratios in percentage points and counts
  /// of recognised entities.
  case linear
  /// For "新增 N over the plan period": annual quotas q_1 … q_n with Σq = N, equal as far as
  /// the precision allows (the remainder goes to the later years).
  case quota
  /// The same bound every year: ranks, thresholds, average growth rates.
  case constant
  /// x_t = x_0 + (x_T − x_0) · F(t/n) with the logistic F(u) = (σ(k(u − ½)) − σ(−k/2)) /
  /// (σ(k/2) − σ(−k/2)), k = 6: slow, then fast, then slow — for counts that come late.
  case sCurve = "s_curve"
}
