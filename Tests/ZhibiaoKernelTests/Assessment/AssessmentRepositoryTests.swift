// The repository's own Config/assessment.yaml and sample events, checked against the plan built
// from the repository's Config. The kernel tests cannot import the domain modules, so the plan is
// loaded with stand-in modules that only declare the five domain ids (their derivations and
// checks do not matter to the assessment).

import Foundation
import Testing
import ZhibiaoKernel

/// Configuration files in a folder on disk, as the host's DirectoryConfigSource reads them.
struct AssessmentDiskConfigSource: ConfigSource {
  let root: URL

  func contents(of path: String) throws -> Data? {
    let url = root.appendingPathComponent(path)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try Data(contentsOf: url)
  }

  func displayName(of path: String) -> String { "Config/\(path)" }

  func yamlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
  }
}

/// A domain module that only names its domain.
struct AssessmentStandInDomain: DomainPlugin {
  let domainID: DomainID
}

enum AssessmentRepository {
  /// The repository root: this file is Tests/ZhibiaoKernelTests/Assessment/AssessmentRepositoryTests.swift.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let config = root.appendingPathComponent("Config", isDirectory: true)
  static let domains: [DomainID] = ["digital", "tech", "finance", "logistics", "business"]

  static func plan(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    var registry = Registry(source: AssessmentDiskConfigSource(root: config))
    for domain in domains { registry.register(AssessmentStandInDomain(domainID: domain)) }
    do {
      return try registry.freeze()
    } catch {
      Issue.record("Config/ does not load:\n\(error)", sourceLocation: sourceLocation)
      throw error
    }
  }

  static func text(_ path: String) throws -> String {
    try String(contentsOf: config.appendingPathComponent(path), encoding: .utf8)
  }
}

@Suite("Assessment scheme of the repository")
struct AssessmentRepositoryTests {
  let plan: Plan
  let scheme: AssessmentScheme

  init() throws {
    plan = try AssessmentRepository.plan()
    let text = try AssessmentRepository.text("assessment.yaml")
    let (decoded, diagnostics) = AssessmentFixture.decode(text, plan: plan)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    scheme = try #require(decoded)
  }

  @Test("Config/assessment.yaml says at the top, in Chinese and English, that it is illustrative and whose it is")
  func markedIllustrative() throws {
    let head = try AssessmentRepository.text("assessment.yaml").split(separator: "\n").prefix(6).joined(separator: "\n")
    #expect(head.contains("示意方案"))
    #expect(head.contains("ILLUSTRATIVE"))
    #expect(head.contains("市发改委"))
    #expect(head.contains("现代服务业发展工作领导小组办公室"))
    #expect(head.contains("commission"))
  }

  @Test("The district section: additive headline indicators of the plan, 100 basic points, quota of 15 %")
  func districtSection() throws {
    let section = try #require(scheme.section(for: .district))
    #expect(section.basicPoints == 100)
    #expect(section.items.reduce(Decimal(0)) { $0 + $1.weight } == 100)
    #expect(
      section.items.filter(\.headline).map(\.id) == ["plan.producer_services_va", "plan.producer_services_revenue"])
    for item in section.items {
      guard let id = item.indicator else {
        #expect(item.rule.id == "graded")
        continue
      }
      let indicator = try #require(plan.indicator(id))
      #expect(indicator.isTarget, "\(id)")
      #expect(indicator.aggregation != .cityOnly, "\(id)")
    }
    // 78 points of completion items at 120 %, 6 for the piecewise item, 7 of gaps, 10 of tasks,
    // and the bonus cap of 5.
    #expect(section.maximumTotal == Decimal(string: "121.6"))
    #expect(section.grades.map(\.name.zh) == ["优秀", "良好", "合格", "不合格"])
    #expect(section.grades.first?.limit(among: plan.districts.count) == 1)
    #expect(section.veto?.maxGrade == "pass")
    #expect(section.tieBreak == [.headline, .basic, .id])
  }

  @Test("The bureau section: every lead bureau is scored on every target indicator it owns")
  func bureauSection() throws {
    let section = try #require(scheme.section(for: .bureau))
    let owned = try #require(section.owned)
    let bureaus = plan.orgs.filter { $0.kind == .bureau }
    #expect(bureaus.count == 5)
    var assessed = 0
    for bureau in bureaus {
      let indicators = owned.indicators(of: bureau.id, in: plan)
      #expect(!indicators.isEmpty, "\(bureau.id) owns nothing")
      assessed += indicators.count
    }
    // Every indicator with a target or an aim is owned by a bureau, so each is assessed once.
    #expect(assessed == plan.targetIndicators.count)
    #expect(plan.targetIndicators.count == 44)
    #expect(section.grades.first?.limit(among: bureaus.count) == 1)
  }

  @Test("The sample events for 2024 decode against the scheme")
  func sampleEvents() throws {
    let text = try AssessmentRepository.text("sample/assessment-events-2024.yaml")
    let (decoded, diagnostics) = AssessmentFixture.decodeEvents(text, plan: plan, scheme: scheme, year: 2024)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    let events = try #require(decoded)
    #expect(events.bonuses.count == 5)
    #expect(events.deductions.map(\.org) == ["district.jiande", "district.chunan"])
    #expect(events.grades.count == plan.districts.count + 5)
    #expect(events.previousRanks.count == plan.districts.count + 5)
  }

  @Test("With every figure on target, a district's total is 90 + its tasks grade × 10 + bonus − deduction")
  func endToEndOnTarget() throws {
    let text = try AssessmentRepository.text("sample/assessment-events-2024.yaml")
    let events = try #require(AssessmentFixture.decodeEvents(text, plan: plan, scheme: scheme, year: 2024).0)
    var inputs = AssessmentInputs(year: 2024, events: events)
    for indicator in plan.targetIndicators where indicator.kind != .qualitative {
      inputs.setCity(indicator.id, AssessmentFigure(actual: 10, target: 10))
      for district in plan.districts {
        inputs.set(district.id, indicator.id, AssessmentFigure(actual: 10, target: 10))
      }
    }
    let result = scheme.assess(inputs, plan: plan)
    let districts = try #require(result.section(for: .district))
    #expect(districts.scorecards.count == 13)
    let binjiang = try #require(result.scorecard(for: "district.binjiang"))
    #expect(binjiang.basic == 100)  // 90 + 完成 × 10
    #expect(binjiang.bonus.counted == 2)  // two national recognitions of 1 point
    #expect(binjiang.total == 102)
    #expect(binjiang.rank == 1)
    #expect(binjiang.grade.id == "excellent")
    let jiande = try #require(result.scorecard(for: "district.jiande"))
    #expect(jiande.total == Decimal(string: "97.5"))  // 90 + 8 − 0.5 for late data
    // One 优秀 of 13; the others of 90 and above are 良好.
    #expect(districts.scorecards.filter { $0.grade.id == "excellent" }.count == 1)
    #expect(districts.scorecards.map(\.rank) == Array(1...13))
    // Bureaus: every owned indicator on target; drc's qualitative aim graded 基本完成.
    let bureaus = try #require(result.section(for: .bureau))
    #expect(bureaus.scorecards.count == 5)
    let drc = try #require(result.scorecard(for: "bureau.drc"))
    #expect(drc.items.first?.id == "tasks")
    #expect(drc.items.dropFirst().reduce(Decimal(0)) { $0 + $1.weight } == 80)
    #expect(result.assessRepeatably(scheme: scheme, inputs: inputs, plan: plan))
  }
}

extension AssessmentResult {
  /// Whether assessing again gives the same rankings and totals.
  func assessRepeatably(scheme: AssessmentScheme, inputs: AssessmentInputs, plan: Plan) -> Bool {
    let again = scheme.assess(inputs, plan: plan)
    return again.sections.map(\.ranking) == sections.map(\.ranking)
      && again.sections.map { $0.scorecards.map(\.total) } == sections.map { $0.scorecards.map(\.total) }
  }
}
