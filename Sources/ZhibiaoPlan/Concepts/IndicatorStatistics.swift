import Foundation

/// What a figure of an indicator is and where it comes from (指标口径与数据来源): its statistical
/// definition (口径), the org that produces it (e.g. 市统计局 for value added), how many days after
/// its period it becomes available, and whether the lead bureau has confirmed all this. What the
/// plan does not say stays empty and the indicator reads as to be confirmed (待确认).
public struct IndicatorStatistics: Hashable, Sendable {
  /// The statistical definition, e.g. the industries of the national classification it covers.
  public var definition: LocalizedText?
  /// The org that produces the figure; nil when it is computed from others or not yet known.
  public var source: OrgID?
  /// Days after the end of its period before the figure is available.
  public var lagDays: Int?
  /// Whether the lead bureau has confirmed the definition, the source and the lag.
  public var confirmed: Bool

  public init(definition: LocalizedText? = nil, source: OrgID? = nil, lagDays: Int? = nil, confirmed: Bool = false) {
    self.definition = definition
    self.source = source
    self.lagDays = lagDays
    self.confirmed = confirmed
  }

  /// 已确认 or 待确认.
  public var status: LocalizedText {
    confirmed ? LocalizedText(zh: "已确认", en: "confirmed") : LocalizedText(zh: "待确认", en: "to be confirmed")
  }
}
