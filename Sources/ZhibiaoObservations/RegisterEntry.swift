import ZhibiaoPlan

/// One named entity of a register (名录): an enterprise, an incubator, a design centre, a fair.
public struct RegisterEntry: Hashable, Sendable {
  /// The register, `<domain>.<name>`.
  public var register: RegisterID
  /// The entity's name as recognised.
  public var name: String
  /// The district it belongs to.
  public var org: OrgID
  /// The recognition level, e.g. 国家级.
  public var level: String
  /// The date of recognition, `YYYY-MM-DD`.
  public var recognisedOn: String
  /// Evidence: the document or list that recognised it.
  public var evidence: String?

  /// Creates an entry.
  public init(register: RegisterID, name: String, org: OrgID, level: String, recognisedOn: String, evidence: String?) {
    self.register = register
    self.name = name
    self.org = org
    self.level = level
    self.recognisedOn = recognisedOn
    self.evidence = evidence
  }
}

extension RegisterEntry {
  /// The last day of a period, `YYYY-MM-DD`, for comparing with recognition dates.
  static func lastDay(of period: Period) -> String {
    switch period.quarter {
    case 1: "\(period.year)-03-31"
    case 2: "\(period.year)-06-30"
    case 3: "\(period.year)-09-30"
    default: "\(period.year)-12-31"
    }
  }

  /// The value of a register-counted indicator: the number of entries of its register, at
  /// its levels, recognised by the end of `period` — in `org` for a district, in the whole
  /// city for the owner. An increase target counts from the end of the base year.
  public static func count(
    _ indicator: Indicator, org: OrgID, period: Period, in entries: [RegisterEntry], isDistrict: Bool
  ) -> Int? {
    guard let counted = indicator.countOf else { return nil }
    let end = lastDay(of: period)
    return entries.filter { entry in
      entry.register == counted.register && (counted.levels.isEmpty || counted.levels.contains(entry.level))
        && (!isDistrict || entry.org == org) && entry.recognisedOn <= end
    }.count
  }
}
