import ZhibiaoKernel

extension ReviewRules {
  /// Whether an account of `actor` in `role` may read the reported figure of `indicator` for `org`,
  /// `locked` telling whether that org's period is locked.
  ///
  /// The commission and administrators read every figure; a bureau its own org's figures and every
  /// figure of the indicators it owns (it reviews them); a district its own figures, and other
  /// orgs' figures once their period is locked; a viewer only locked figures. Targets are no
  /// secret: every signed-in account reads them.
  public func read(_ indicator: IndicatorID, org: OrgID, locked: Bool, by actor: OrgID, as role: Role) -> Bool {
    switch role {
    case .commission, .admin: true
    case .bureau: org == actor || plan.indicator(indicator)?.owner == actor || locked
    case .district: org == actor || locked
    case .viewer: locked
    }
  }

  /// Whether `role` reads every figure of `org`, locked or not, so that a request naming `org`
  /// need not be refused whole.
  public func readsAll(of org: OrgID, by actor: OrgID, as role: Role) -> Bool {
    switch role {
    case .commission, .admin: true
    case .bureau, .district: org == actor
    case .viewer: false
    }
  }
}
