import BusinessDomain
import DigitalDomain
import FinanceDomain
import LogisticsDomain
import TechDomain
import ZhibiaoKernel

/// The domain modules this build of Zhibiao carries, in the plan's order. This is the one
/// place where domains are named; add a module here and in Package.swift to add a domain.
public enum DomainModules {
  /// Every domain module, each registered exactly once.
  public static let all: [any DomainPlugin] = [
    DigitalDomain(),
    TechDomain(),
    FinanceDomain(),
    LogisticsDomain(),
    BusinessDomain(),
  ]
}
