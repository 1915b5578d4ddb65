import BusinessDomain
import DigitalDomain
import FinanceDomain
import LogisticsDomain
import TechDomain
import ZhibiaoKernel

/// The code extensions of domains this build of Zhibiao carries. This is the one place where
/// domain modules are named: a domain itself is a file in `Config/domains/` and needs no module;
/// add a module here and in Package.swift when a domain needs code (derived indicators, checks).
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
