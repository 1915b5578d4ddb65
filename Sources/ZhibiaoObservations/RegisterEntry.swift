import ZhibiaoPlan

/// One named entity of a register (名录): an enterprise, an incubator, a design centre, a fair —
/// from the day it was recognised until, if ever, the day it was withdrawn.
public struct RegisterEntry: Hashable, Sendable {
  /// The register, `<domain>.<name>`.
  public var register: RegisterID
  /// The entity's name as recognised.
  public var name: String
  /// The district it is located in.
  public var org: OrgID
  /// The recognition level, e.g. 国家级; empty in a register without levels.
  public var level: String
  /// The date of recognition, `YYYY-MM-DD`.
  public var recognisedOn: String
  /// Evidence: the document or list that recognised it.
  public var evidence: String?
  /// The day it left the register, `YYYY-MM-DD`; nil while it is on it. It counts up to the day
  /// before.
  public var withdrawnOn: String?
  /// Why it left the register; set exactly when `withdrawnOn` is.
  public var withdrawal: Withdrawal?

  /// Why an entity left a register.
  public enum Withdrawal: String, Hashable, Sendable, CaseIterable, Codable {
    /// 撤销: its recognition was revoked (it no longer meets the criteria, or was found not to).
    case revoked
    /// 摘牌: stripped of its title after a review (复核不合格).
    case delisted
    /// 迁出: it moved out of its district.
    case movedOut = "moved_out"

    /// The reason in Chinese, as the CSV and the reports write it.
    public var zh: String {
      switch self {
      case .revoked: "撤销"
      case .delisted: "摘牌"
      case .movedOut: "迁出"
      }
    }

    /// The reason written in Chinese (撤销, 摘牌, 迁出) or as its id (`revoked`, `delisted`, `moved_out`).
    public init?(text: String) {
      guard let reason = Self(rawValue: text) ?? Self.allCases.first(where: { $0.zh == text }) else { return nil }
      self = reason
    }
  }

  /// Creates an entry.
  public init(
    register: RegisterID, name: String, org: OrgID, level: String, recognisedOn: String, evidence: String?,
    withdrawnOn: String? = nil, withdrawal: Withdrawal? = nil
  ) {
    self.register = register
    self.name = name
    self.org = org
    self.level = level
    self.recognisedOn = recognisedOn
    self.evidence = evidence
    self.withdrawnOn = withdrawnOn
    self.withdrawal = withdrawal
  }

  /// Whether the entity is on the register at the end of `day` (`YYYY-MM-DD`): recognised by then
  /// and not withdrawn by then.
  public func isListed(on day: String) -> Bool {
    recognisedOn <= day && (withdrawnOn.map { $0 > day } ?? true)
  }
}

extension RegisterEntry {
  /// The last day of a period, `YYYY-MM-DD`, for comparing with recognition dates.
  public static func lastDay(of period: Period) -> String {
    switch period.quarter {
    case 1: "\(period.year)-03-31"
    case 2: "\(period.year)-06-30"
    case 3: "\(period.year)-09-30"
    default: "\(period.year)-12-31"
    }
  }

  /// The entries a register-counted indicator counts for `period`, in `org` for a district or in
  /// the whole city for the owner (`isDistrict` false), at the indicator's levels:
  ///
  /// - a stock counts the entries on the register at the period's last day (recognised on or
  ///   before it, not withdrawn on or before it);
  /// - a flow (新增, reported year to date) counts the entries recognised from 1 January of the
  ///   period's year to its last day, whatever became of them later: a listing is a listing.
  public static func counted(
    _ indicator: Indicator, org: OrgID, period: Period, in entries: [RegisterEntry], isDistrict: Bool
  ) -> [RegisterEntry]? {
    guard let counted = indicator.countOf else { return nil }
    let end = lastDay(of: period)
    let start = "\(period.year)-01-01"
    return entries.filter { entry in
      guard entry.register == counted.register, counted.levels.isEmpty || counted.levels.contains(entry.level),
        !isDistrict || entry.org == org
      else { return false }
      return indicator.kind == .flow
        ? entry.recognisedOn >= start && entry.recognisedOn <= end : entry.isListed(on: end)
    }
  }

  /// The value of a register-counted indicator: the number of entries `counted` gives. An
  /// increase target (新增) is measured against the base year's count by monitoring.
  public static func count(
    _ indicator: Indicator, org: OrgID, period: Period, in entries: [RegisterEntry], isDistrict: Bool
  ) -> Int? {
    counted(indicator, org: org, period: period, in: entries, isDistrict: isDistrict)?.count
  }
}
