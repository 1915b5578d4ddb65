import Foundation
import ZhibiaoObservations
import ZhibiaoPlan

/// A count reported for an indicator counted from a register that differs from the register's
/// count at the period's end (名录 12 家，报送 14 家), with the names behind the register's count.
///
/// A reported count carries no names, so the entities that differ cannot be known for certain;
/// the likeliest are those whose standing changed in the year — recognised or withdrawn between
/// 1 January and the period's end — which are listed first, then every name counted.
public struct RegisterDisagreement: Hashable, Sendable, Encodable {
  /// An entity that left the register in the year.
  public struct Withdrawn: Hashable, Sendable, Encodable {
    /// The entity's name.
    public var name: String
    /// The day it left, `YYYY-MM-DD`.
    public var on: String
    /// Why: `revoked` 撤销, `delisted` 摘牌 or `moved_out` 迁出.
    public var reason: RegisterEntry.Withdrawal?

    /// A withdrawn entity.
    public init(name: String, on: String, reason: RegisterEntry.Withdrawal?) {
      self.name = name
      self.on = on
      self.reason = reason
    }
  }

  /// The register counted.
  public var register: RegisterID
  /// The register's count, the actual.
  public var registered: Decimal
  /// The figure reported.
  public var reported: Decimal
  /// The names the register counts, in order of recognition.
  public var counted: [String]
  /// The names recognised in the year up to the period's end.
  public var recognised: [String]
  /// The entities withdrawn in the year up to the period's end (a stock only: a flow counts
  /// recognitions, whatever became of them).
  public var withdrawn: [Withdrawn]

  enum CodingKeys: String, CodingKey {
    case register, registered, reported, counted, recognised, withdrawn
  }

  /// The most names a reason lists before "等 N 家".
  static let namesShown = 12

  /// The one-line reason: "名录 12 家，报送 14 家；本年撤出：A（摘牌，2024-05-10）；本年认定：B；名录所列：A、B…".
  public func reason(unit: String?) -> LocalizedText {
    let unit = unit ?? ""
    var zh = ["名录 \(Self.text(registered)) \(unit)，报送 \(Self.text(reported)) \(unit)"]
    var en = ["the register counts \(Self.text(registered)), \(Self.text(reported)) reported"]
    if !withdrawn.isEmpty {
      zh.append("本年撤出：" + withdrawn.map { "\($0.name)（\($0.reason?.zh ?? "撤出")，\($0.on)）" }.joined(separator: "、"))
      en.append(
        "left this year: "
          + withdrawn.map {
            "\($0.name) (\($0.reason?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "withdrawn") \($0.on))"
          }
          .joined(separator: ", "))
    }
    if !recognised.isEmpty {
      zh.append("本年认定：" + Self.list(recognised, separator: "、", more: { "等 \($0) \(unit)" }))
      en.append("recognised this year: " + Self.list(recognised, separator: ", ", more: { "and \($0) more" }))
    }
    zh.append(
      counted.isEmpty ? "名录无在册名称" : "名录所列：" + Self.list(counted, separator: "、", more: { "等 \($0) \(unit)" }))
    en.append(
      counted.isEmpty
        ? "no name on the register" : "listed: " + Self.list(counted, separator: ", ", more: { "and \($0) more" }))
    return LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
  }

  static func text(_ value: Decimal) -> String { DecimalArithmetic.text(value, step: 1) }

  static func list(_ names: [String], separator: String, more: (Int) -> String) -> String {
    guard names.count > namesShown else { return names.joined(separator: separator) }
    return names.prefix(namesShown).joined(separator: separator) + " " + more(names.count)
  }
}

extension Actuals {
  /// The disagreement at a cell of an indicator counted from a register: the figure reported for
  /// it against the register's count; nil when none was reported or the two agree.
  public func registerDisagreement(_ cell: Cell) -> RegisterDisagreement? {
    guard let indicator = countedIndicators[cell.indicator], let counting = indicator.countOf else { return nil }
    let at = index(indicator: cell.indicator, org: cell.org, slot: cell.slot)
    guard let reported = reportedCounts[at], let registered = figures.decimal(at: at), reported != registered
    else { return nil }
    let org = orgs[cell.org]
    let period = axis.period(ofSlot: cell.slot)
    let isDistrict = org != indicator.owner
    let entries = (registerEntries[cell.indicator] ?? []).filter { entry in
      (counting.levels.isEmpty || counting.levels.contains(entry.level)) && (!isDistrict || entry.org == org)
    }
    .sorted { ($0.recognisedOn, $0.name) < ($1.recognisedOn, $1.name) }
    let start = "\(period.year)-01-01"
    let end = RegisterEntry.lastDay(of: period)
    let counted = RegisterEntry.counted(indicator, org: org, period: period, in: entries, isDistrict: isDistrict) ?? []
    return RegisterDisagreement(
      register: counting.register, registered: registered, reported: reported, counted: counted.map(\.name),
      recognised: entries.filter { $0.recognisedOn >= start && $0.recognisedOn <= end }.map(\.name),
      withdrawn: indicator.kind == .flow
        ? []
        : entries.compactMap { entry in
          guard let day = entry.withdrawnOn, day >= start, day <= end else { return nil }
          return RegisterDisagreement.Withdrawn(name: entry.name, on: day, reason: entry.withdrawal)
        })
  }
}
