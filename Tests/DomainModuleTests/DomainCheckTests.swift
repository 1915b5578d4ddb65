// Each module's domain checks: silent on the repository's plan, and firing on a copy of it
// edited so that the decoder and the cross-reference checks accept it and only the domain
// check refuses it.

import Foundation
import Testing
import ZhibiaoHost
import ZhibiaoKernel
import ZhibiaoTestSupport

/// An edit of the repository's configuration that only a domain check refuses.
struct Violation: Sendable, CustomTestStringConvertible {
  let label: String
  let path: String
  let old: String
  let new: String
  /// Where the check reports: the start of this text in the edited file, which must occur there
  /// once, or the first occurrence after `after` when that is given.
  let at: String
  let after: String?
  let message: String
  let hint: String?

  var testDescription: String { label }
}

@Suite("Domain checks")
struct DomainCheckTests {
  @Test("The repository's configuration loads from disk with every module")
  func repositoryConfigurationLoads() throws {
    let loaded = loadPlan(from: DirectoryConfigSource(path: Repository.config.path))
    let plan = try #require(loaded.plan, "\(loaded.listing)")
    #expect(plan.domains.map(\.id) == HangzhouPlan.modules.map(\.domainID))
    #expect(plan.derivations.count == 4)
    #expect(loaded.errors.isEmpty)
  }

  @Test("An unedited in-memory copy of the configuration loads too")
  func inMemoryCopyLoads() throws {
    let loaded = loadPlan(from: InMemoryConfigSource(try HangzhouPlan.files()))
    #expect(loaded.plan != nil, "\(loaded.listing)")
  }

  @Test("Every domain check is silent on the repository's plan", arguments: ModuleCase.all)
  func silentOnRealPlan(_ entry: ModuleCase) throws {
    let plan = try HangzhouPlan.plan()
    for check in entry.module.checks {
      let found = check.run(plan)
      #expect(found.isEmpty, "\(check.id): \(found.map(\.description).joined(separator: "\n"))")
    }
  }

  static let violations: [Violation] = [
    Violation(
      label: "logistics: inland port cargo without eligible districts",
      path: "domains/logistics.yaml",
      old: "    eligible: [district.xiaoshan, district.qiantang]\n    targets:\n"
        + "      - { year: 2025, comparator: at_least, value: 1.5 }",
      new: "    targets:\n      - { year: 2025, comparator: at_least, value: 1.5 }",
      at: "id: logistics.inland_port_cargo", after: nil,
      message:
        "The port throughput 'logistics.inland_port_cargo' (亿吨) must list the districts that have a port "
        + "under 'eligible'.",
      hint: "add 'eligible: [district.…]'"),
    Violation(
      label: "logistics: inland port containers with an empty list of eligible districts",
      path: "domains/logistics.yaml",
      old: "    eligible: [district.xiaoshan, district.qiantang]\n    targets:\n"
        + "      - { year: 2025, comparator: at_least, value: 12 }",
      new: "    eligible: []\n    targets:\n      - { year: 2025, comparator: at_least, value: 12 }",
      at: "id: logistics.inland_port_containers", after: nil,
      message:
        "The port throughput 'logistics.inland_port_containers' (万标箱) must list the districts that have a "
        + "port under 'eligible'.",
      hint: "add 'eligible: [district.…]'"),
    Violation(
      label: "business: 百亿级 target below the 千亿级 target",
      path: "domains/business.yaml",
      old: "{ year: 2025, comparator: at_least, value: 60 }",
      new: "{ year: 2025, comparator: at_least, value: 5 }",
      at: "{ year: 2025, comparator: at_least, value: 5 }", after: "id: business.hq_10bn",
      message:
        "The 2025 target 5 of 'business.hq_10bn' is below the 10 of 'business.hq_100bn', whose enterprises "
        + "it includes.",
      hint: nil),
    Violation(
      label: "finance: green loan growth stated as a level",
      path: "domains/finance.yaml",
      old: "value: 20, measure: average_annual }",
      new: "value: 20, measure: level }",
      at: "{ year: 2025, comparator: at_least, value: 20, measure: level }", after: nil,
      message: "The target of 'finance.green_loan_growth' is an average annual growth (年均增速), not 'level'.",
      hint: "set 'measure: average_annual'"),
    Violation(
      label: "finance: green loan growth weighted by GDP",
      path: "domains/finance.yaml",
      old: "    weight: finance.green_loan_balance\n",
      new: "    weight: plan.gdp\n",
      at: "plan.gdp", after: "id: finance.green_loan_growth",
      message:
        "The growth 'finance.green_loan_growth' of districts combines by the balance it grows, "
        + "'finance.green_loan_balance'.",
      hint: "set 'aggregation: weighted_mean' and 'weight: finance.green_loan_balance'"),
    Violation(
      label: "tech: R&D intensity weighted by services value added",
      path: "domains/tech.yaml",
      old: "    weight: plan.gdp\n",
      new: "    weight: plan.services_va\n",
      at: "plan.services_va", after: "id: tech.rd_intensity",
      message:
        "The ratio 'tech.rd_intensity' is R&D expenditure ÷ GDP × 100%, so districts must be averaged by "
        + "'plan.gdp'.",
      hint: "set 'aggregation: weighted_mean' and 'weight: plan.gdp'"),
  ]

  @Test("A domain check refuses a plan that violates it", arguments: violations)
  func checkFires(_ violation: Violation) throws {
    let files = try HangzhouPlan.files(editing: violation.path, replacing: violation.old, with: violation.new)
    let position = HangzhouPlan.fixture(violation.path, in: files).position(of: violation.at, after: violation.after)
    expectOnlyDomainCheckRefuses(
      loadPlan(from: InMemoryConfigSource(files)), at: position, violation.message, hint: violation.hint)
  }

  @Test("A derived ratio kept as a city figure is not averaged over districts, so it needs no weight")
  func rdIntensityCityOnly() throws {
    let files = try HangzhouPlan.files(
      editing: "domains/tech.yaml", replacing: "    aggregation: weighted_mean\n    weight: plan.gdp\n",
      with: "    aggregation: city_only\n")
    let loaded = loadPlan(from: InMemoryConfigSource(files))
    let plan = try #require(loaded.plan, "\(loaded.listing)")
    #expect(plan.indicator("tech.rd_intensity")?.aggregation == .cityOnly)
  }

  @Test("business: equal tiers nest")
  func equalTiersNest() throws {
    let files = try HangzhouPlan.files(
      editing: "domains/business.yaml", replacing: "{ year: 2025, comparator: at_least, value: 60 }",
      with: "{ year: 2025, comparator: at_least, value: 10 }")
    let loaded = loadPlan(from: InMemoryConfigSource(files))
    #expect(loaded.plan != nil, "\(loaded.listing)")
  }

  /// The repository's files with the digital parity aim's target replaced by `targets` (its lines
  /// as written) and a supporting ratio `digital.typed_share`, in the same unit but typed in
  /// rather than computed, added to the digital file.
  static func digitalFiles(parityTargets targets: String) throws -> [String: String] {
    var files = try HangzhouPlan.files(
      editing: "domains/digital.yaml",
      replacing: "      - { year: 2025, comparator: parity, with: digital.services_va_share_gdp }\n", with: targets)
    let digital = try #require(files["domains/digital.yaml"])
    files["domains/digital.yaml"] = digital.replacingOccurrences(
      of: "  - id: digital.digital_economy_services_revenue\n",
      with: """
          - id: digital.typed_share
            name: { zh: 手填比重, en: Typed-in share }
            unit: "%"
            kind: ratio
            direction: higher
            binding: expected
            aggregation: city_only
            frequency: annual
            owner: bureau.econ_info
            precision: 0.01
          - id: digital.digital_economy_services_revenue

        """)
    return files
  }

  static let digitalMessage =
    "The parity aim of 'digital.digital_economy_services_revenue_share' needs 'digital.typed_share' to be "
    + "computed from amounts, but no derivation computes it."

  @Test("digital: a parity partner that no derivation computes is refused")
  func digitalParityPartnerNotComputed() throws {
    let files = try Self.digitalFiles(
      parityTargets: "      - { year: 2025, comparator: parity, with: digital.typed_share }\n")
    let digital = HangzhouPlan.fixture("domains/digital.yaml", in: files)
    expectOnlyDomainCheckRefuses(
      loadPlan(from: InMemoryConfigSource(files)),
      at: digital.position(of: "digital.typed_share", after: "comparator: parity, with: "), Self.digitalMessage,
      hint: "add a derivation for 'digital.typed_share' to its domain module")
  }

  @Test("digital: the parity problem is reported at the parity target, also when it is not the first target")
  func digitalParityPosition() throws {
    let files = try Self.digitalFiles(
      parityTargets: "      - { year: 2023, comparator: at_least, value: 40 }\n"
        + "      - { year: 2025, comparator: parity, with: digital.typed_share }\n")
    let digital = HangzhouPlan.fixture("domains/digital.yaml", in: files)
    expectOnlyDomainCheckRefuses(
      loadPlan(from: InMemoryConfigSource(files)),
      at: digital.position(of: "digital.typed_share", after: "comparator: parity, with: "), Self.digitalMessage,
      hint: "add a derivation for 'digital.typed_share' to its domain module")
  }

  /// Expects that `freeze()` threw with exactly one error, the domain check's.
  private func expectOnlyDomainCheckRefuses(
    _ loaded: Loaded, at position: String, _ message: String, hint: String?,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(loaded.plan == nil, "freeze() did not throw", sourceLocation: sourceLocation)
    #expect(loaded.errors.count == 1, "\(loaded.listing)", sourceLocation: sourceLocation)
    let match = loaded.errors.first { $0.location.description == position && $0.message == message }
    #expect(
      match != nil, "expected at \(position): \(message)\ngot:\n\(loaded.listing)", sourceLocation: sourceLocation)
    #expect(match?.hint == hint, sourceLocation: sourceLocation)
  }
}
