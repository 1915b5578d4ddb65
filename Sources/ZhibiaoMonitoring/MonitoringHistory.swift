/// The monitoring of every quarter of the plan at once (the history an analyst computes in a
/// dataframe): for every row and every quarter after the base year, the light and the data-quality
/// flags a `Monitor` of that quarter gives it. Rows are the monitor's (`rowStart` by indicator,
/// the city's first); a row without a target at a quarter is grey with no flags there.
public struct MonitoringHistory: Sendable {
  /// The period axis.
  public let axis: PeriodAxis
  /// The indicator and org of each row, by position.
  public let rowIndicator: ContiguousArray<Int32>
  public let rowOrg: ContiguousArray<Int32>
  /// For each slot from 4 on, each row's light and flags, at `(slot − 4) × rows + row`.
  let lights: ContiguousArray<PaceStatus>
  let flagBits: ContiguousArray<UInt16>
  /// Whether each row had a target at each slot, at the same place.
  let active: ContiguousArray<Bool>

  /// The number of rows.
  public var rowCount: Int { rowIndicator.count }

  /// The slots monitored: every quarter after the base year.
  public var slots: Range<Int> { 4..<axis.count }

  /// The light of `row` at `slot` (grey when it had no target).
  public func light(row: Int, slot: Int) -> PaceStatus { lights[(slot - 4) * rowCount + row] }

  /// Whether `row` had a target at `slot`.
  public func isActive(row: Int, slot: Int) -> Bool { active[(slot - 4) * rowCount + row] }

  /// The data-quality flags of `row` at `slot`, without a register's disagreement (which the
  /// report adds).
  public func flags(row: Int, slot: Int) -> [DataQualityFlag] {
    DataQualityFlag.flags(in: flagBits[(slot - 4) * rowCount + row])
  }

  /// The number of rows of each light at `slot`, among those with a target.
  public func counts(slot: Int) -> [PaceStatus: Int] {
    var counts: [PaceStatus: Int] = [:]
    for row in 0..<rowCount where isActive(row: row, slot: slot) {
      counts[light(row: row, slot: slot), default: 0] += 1
    }
    return counts
  }
}
