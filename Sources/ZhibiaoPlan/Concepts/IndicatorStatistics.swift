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

  /// What the figure measures and who produces it, in one line as it stands beside an input, e.g.
  /// "口径：地区生产总值，现价；来源：市统计局（待确认）"; "口径待确认" when neither is known.
  public func note(plan: Plan, in language: Language) -> String {
    let zh = language == .zh
    var parts: [String] = []
    if let definition { parts.append((zh ? "口径：" : "Definition: ") + definition.text(in: language)) }
    if let source {
      parts.append((zh ? "来源：" : "Produced by ") + (plan.org(source)?.name.text(in: language) ?? source.rawValue))
    }
    guard !parts.isEmpty else { return zh ? "口径待确认" : "Definition to be confirmed" }
    return parts.joined(separator: zh ? "；" : "; ") + (zh ? "（\(status.zh)）" : " (\(status.en))")
  }

  /// 已确认 or 待确认.
  public var status: LocalizedText {
    confirmed ? LocalizedText(zh: "已确认", en: "confirmed") : LocalizedText(zh: "待确认", en: "to be confirmed")
  }
}
