import ZhibiaoPlan

/// One monitoring row through the periods monitored — an indicator for an org (a district, or the
/// owner bureau for the city figure) — as supervision reads it: each period's light and whether
/// its figure was late or is still missing. Periods without a target are left out, so that
/// consecutive entries are consecutive monitored periods.
public struct SupervisionTrack: Hashable, Sendable {
  /// One monitored period of the row.
  public struct Entry: Hashable, Sendable {
    /// The period, year to date.
    public var period: Period
    /// Its light (grey without a figure).
    public var light: PaceStatus
    /// Whether the figure came after its due day, or is still missing past it.
    public var late: Bool
    /// Whether there is no figure.
    public var missing: Bool

    /// Creates an entry.
    public init(period: Period, light: PaceStatus, late: Bool = false, missing: Bool = false) {
      self.period = period
      self.light = light
      self.late = late
      self.missing = missing
    }
  }

  /// The indicator.
  public var indicator: IndicatorID
  /// The responsible org: the district, or the indicator's owner bureau for the city figure.
  public var org: OrgID
  /// The monitored periods, oldest first.
  public var entries: [Entry]

  /// Creates a track.
  public init(indicator: IndicatorID, org: OrgID, entries: [Entry]) {
    self.indicator = indicator
    self.org = org
    self.entries = entries
  }
}

extension Monitor {
  /// Every row of `history` (this monitor's history) as a supervision track: each quarter with a
  /// target, its light and whether its figure was late or is missing as of the monitor's day.
  public func supervisionTracks(_ history: MonitoringHistory) -> [SupervisionTrack] {
    (0..<history.rowCount).map { row in
      let entries = history.slots.compactMap { slot -> SupervisionTrack.Entry? in
        guard history.isActive(row: row, slot: slot) else { return nil }
        let flags = history.flags(row: row, slot: slot)
        return SupervisionTrack.Entry(
          period: history.axis.period(ofSlot: slot), light: history.light(row: row, slot: slot),
          late: flags.contains(.late), missing: flags.contains(.missing))
      }
      return SupervisionTrack(
        indicator: targets.indicators[Int(history.rowIndicator[row])].id,
        org: targets.orgs[Int(history.rowOrg[row])], entries: entries)
    }
  }
}
