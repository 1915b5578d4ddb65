import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// Values the tests share.
public enum StoreFixture {
  public static let plan: PlanID = "hangzhou.producer_services"
  public static let otherPlan: PlanID = "ningbo.producer_services"
  public static let revenue: IndicatorID = "digital.ict_revenue"
  public static let incubators: IndicatorID = "tech.national_incubators"
  public static let binjiang: OrgID = "district.binjiang"
  public static let xihu: OrgID = "district.xihu"
  public static let bureau: OrgID = "bureau.economy"
  public static let commission: OrgID = "bureau.drc"
  public static let q1: Period = .quarter(1, of: 2024)
  /// A whole second, so that it survives the store's millisecond times exactly.
  public static let monday = Date(timeIntervalSince1970: 1_713_139_200)
  public static let tuesday = monday.addingTimeInterval(86_400)
  public static let wednesday = tuesday.addingTimeInterval(86_400)

  public static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

  /// 滨江区's change request of its 2024Q1 revenue, by default.
  public static func filing(
    _ indicator: IndicatorID = revenue, org: OrgID = binjiang, period: Period = q1, value: String,
    note: String? = nil, reason: String = "统计局反馈修正", by filer: OrgID = binjiang, role: Role = .district,
    source: String = "fix.csv", at time: Date = wednesday
  ) -> ChangeRequestFiling {
    ChangeRequestFiling(
      plan: plan, indicator: indicator, org: org, period: period, value: decimal(value), note: note, reason: reason,
      filer: filer, role: role, source: source, time: time)
  }

  public static func row(
    _ indicator: IndicatorID = revenue, org: OrgID = binjiang, period: Period = q1, value: String,
    note: String? = nil, line: Int = 0
  ) -> ObservationInput {
    ObservationInput(indicator: indicator, org: org, period: period, value: decimal(value), note: note, line: line)
  }

  /// An entry of a register, by default a national incubator of 滨江区.
  public static func registerEntry(
    _ name: String, register: RegisterID = "tech.national_incubators", org: OrgID = binjiang,
    level: String = "国家级", evidence: String? = "国科发区〔2023〕12号", withdrawnOn: String? = nil,
    withdrawal: RegisterEntry.Withdrawal? = nil
  ) -> RegisterEntry {
    RegisterEntry(
      register: register, name: name, org: org, level: level, recognisedOn: "2023-12-01", evidence: evidence,
      withdrawnOn: withdrawnOn, withdrawal: withdrawal)
  }

  /// A key task of the fixture: its lead is the bureau, 滨江区 and 西湖区 co-operate.
  public static let task: TaskID = "digital.software.parks"

  /// 滨江区's progress report on ``task`` for 2024Q1, by default.
  public static func progress(
    _ status: TaskProgress.Status = .inProgress, task: TaskID = task, org: OrgID = binjiang, period: Period = q1,
    percent: Int? = 40, text: String = "园区二期开工", evidence: String? = "滨政发〔2024〕5号"
  ) -> TaskProgress {
    TaskProgress(
      task: task, org: org, period: period, status: status, progress: percent, text: text, evidence: evidence)
  }

  /// A submission of task progress reports, by 滨江区 by default.
  public static func taskReports(
    _ reports: [TaskProgress], by submitter: OrgID = binjiang, role: Role = .district, at time: Date = monday
  ) -> TaskReportSubmission {
    TaskReportSubmission(
      plan: plan, submitter: submitter, role: role, source: "tasks.csv", time: time, reports: reports)
  }

  /// Three hand-made 2025 targets: the city's revenue and its first quarter, and 滨江区's count.
  public static func targets(revenue cityRevenue: String = "1200.5") -> [TargetBook.Entry] {
    [
      TargetBook.Entry(
        indicator: revenue, org: bureau, period: .year(2025), value: decimal(cityRevenue), comparator: .atLeast,
        measure: .level, partner: nil, method: .compound, seasonalShare: nil, isCity: true),
      TargetBook.Entry(
        indicator: revenue, org: bureau, period: .quarter(1, of: 2025), value: decimal("276.12"),
        comparator: .atLeast, measure: .level, partner: nil, method: .seasonal, seasonalShare: decimal("0.23"),
        isCity: true),
      TargetBook.Entry(
        indicator: incubators, org: binjiang, period: .year(2025), value: 4, comparator: .atLeast, measure: .increase,
        partner: nil, method: .webster, seasonalShare: nil, isCity: false),
    ]
  }

  /// The commission's issue of `entries` as the 2025 targets.
  public static func issue(
    _ entries: [TargetBook.Entry] = targets(), year: Int = 2025, document: String = "杭服领〔2025〕1号",
    on day: String = "2025-03-01", reason: String? = nil, plan: PlanID = plan, by issuer: OrgID = commission,
    role: Role = .commission, at time: Date = monday
  ) -> TargetIssueFiling {
    TargetIssueFiling(
      plan: plan, year: year, document: document, issuedOn: day, reason: reason, entries: entries, by: issuer,
      role: role, at: time)
  }

  public static func submission(
    _ rows: [ObservationInput], plan: PlanID = plan, by submitter: OrgID = binjiang, source: String = "q1.csv",
    at time: Date = monday, status: ObservationStatus = .submitted, reason: String? = nil, role: Role = .district
  ) -> Submission {
    Submission(
      plan: plan, submitter: submitter, role: role, source: source, time: time, status: status, reason: reason,
      rows: rows)
  }
}

extension Store {
  /// The bureau reviews the given figures of 滨江区 for 2024Q1.
  public func review(
    _ indicators: [IndicatorID], of org: OrgID = StoreFixture.binjiang, _ decision: ReviewDecision = .approve,
    comment: String? = nil, at time: Date = StoreFixture.tuesday
  ) async throws -> Int {
    try await review(
      plan: StoreFixture.plan, org: org, period: StoreFixture.q1, indicators: indicators, decision: decision,
      comment: comment,
      by: StoreFixture.bureau, role: .bureau, at: time)
  }

  /// The commission decides a change request of the plan.
  @discardableResult
  public func decide(
    _ id: Int, _ decision: ChangeRequest.Decision = .accept, comment: String? = nil,
    at time: Date = StoreFixture.wednesday
  ) async throws -> ChangeRequest {
    try await decideChangeRequest(
      plan: StoreFixture.plan, id: id, decision: decision, comment: comment, by: StoreFixture.commission, user: nil,
      at: time)
  }

  /// The commission locks an org's 2024Q1.
  @discardableResult
  public func lock(_ org: OrgID = StoreFixture.binjiang, at time: Date = StoreFixture.tuesday) async throws -> Bool {
    try await lock(plan: StoreFixture.plan, org: org, period: StoreFixture.q1, by: StoreFixture.commission, at: time)
  }
}

extension Store {
  /// Everything the store would ever tell a user about `plans`, as text: every figure reported
  /// or drafted with its history and whether its period is locked, the audit log, the change
  /// requests, the registers, the accounts and tokens. Two stores with the same snapshot are the
  /// same to their users.
  public func snapshot(plans: [PlanID] = [StoreFixture.plan, StoreFixture.otherPlan]) async throws -> [String] {
    var lines: [String] = []
    for plan in plans {
      let records = try await observations(plan: plan) + drafts(plan: plan, org: nil)
      for record in records {
        let locked = try await isLocked(plan: plan, org: record.org, period: record.period)
        lines.append("\(record) locked: \(locked)")
        let revisions = try await history(
          plan: plan, indicator: record.indicator, org: record.org, period: record.period)
        lines += revisions.map { "  \($0)" }
      }
      lines += try await auditLog(plan: plan, org: nil).map { "\($0)" }
      lines += try await changeRequests(plan: plan).map { "\($0)" }
      lines += try await registerEntries(plan: plan, register: nil).map { "\($0)" }
      lines += try await taskReports(plan: plan, task: nil, org: nil, period: nil).map { "\($0)" }
      lines += try await taskReportLog(plan: plan, task: nil, org: nil).map { "\($0)" }
      lines += try await assessmentEvents(plan: plan, year: nil).map { "\($0)" }
      lines += try await noticeActions(plan: plan, org: nil).map { "\($0)" }
      for issue in try await targetIssues(plan: plan) {
        lines.append("\(issue)")
        lines += try await issuedTargets(plan: plan, version: issue.version).map { "  \($0)" }
      }
    }
    lines += try await accounts().map { "\($0)" }
    lines += try await tokens().map { "\($0)" }
    return lines
  }
}

extension Store {
  /// Figures with a history of every kind a first revision can have: one as first sent, one sent
  /// with a reason, a draft made a submission, one revised, and one approved.
  public func writeHistoriesOfEveryKind() async throws {
    typealias Fixture = StoreFixture
    _ = try await submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")]))
    _ = try await submit(Fixture.submission([Fixture.row(Fixture.incubators, value: "3")], reason: "补报"))
    _ = try await submit(
      Fixture.submission([Fixture.row(org: Fixture.xihu, value: "7")], by: Fixture.xihu, status: .draft))
    _ = try await submit(Fixture.submission([Fixture.row(org: Fixture.xihu, value: "7")], by: Fixture.xihu))
    let second = Period.quarter(2, of: 2024)
    _ = try await submit(Fixture.submission([Fixture.row(period: second, value: "1")]))
    _ = try await submit(Fixture.submission([Fixture.row(period: second, value: "2")], at: Fixture.tuesday))
    _ = try await submit(
      Fixture.submission([Fixture.row(Fixture.incubators, org: Fixture.xihu, value: "4")], by: Fixture.xihu))
    _ = try await review([Fixture.incubators], of: Fixture.xihu)
  }

  /// Writes the revision rows that this build leaves to observations at their first revision, as
  /// every build before version 15 wrote them.
  public static var firstRevisionsAsWrittenBefore: String {
    """
    INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at, source,
      note, reason, changed_after_approval)
    SELECT plan, indicator, org, year, quarter, 1, value, status, reported_by, reported_at, source, note, NULL, false
    FROM observation o
    WHERE revision = 1 AND NOT EXISTS (
      SELECT 1 FROM revision r
      WHERE r.plan = o.plan AND r.indicator = o.indicator AND r.org = o.org AND r.year = o.year AND r.quarter = o.quarter)
    """
  }
}
