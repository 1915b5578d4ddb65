import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoStore

/// The order both stores write a submission in, and which figures are given twice.
@Suite("Write order")
struct WriteOrderTests {
  /// Rows of two orgs and two quarters, listed indicator by indicator.
  let rows = [
    Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "1"),
    Fixture.row(Fixture.revenue, org: Fixture.binjiang, period: .quarter(2, of: 2024), value: "2"),
    Fixture.row(Fixture.revenue, org: Fixture.binjiang, value: "3"),
    Fixture.row(Fixture.incubators, org: Fixture.binjiang, value: "4"),
    Fixture.row(Fixture.incubators, org: Fixture.xihu, value: "5"),
  ]

  @Test("Rows come by org, period and indicator, compared by their bytes")
  func keyOrder() {
    let keys = RowKeyOrder(rows)
    // 滨江区 Q1 revenue, 滨江区 Q1 incubators, 滨江区 Q2 revenue, 西湖区 Q1 revenue, 西湖区 Q1 incubators:
    // `digital.` sorts before `tech.`.
    #expect(keys.positions == [2, 3, 1, 0, 4])
    #expect(!keys.hasRepeats)
  }

  @Test("A figure given twice is found wherever its rows are, and its rows keep their order")
  func repeats() {
    let twice = rows + [Fixture.row(Fixture.revenue, org: Fixture.binjiang, value: "6")]
    let keys = RowKeyOrder(twice)
    #expect(keys.hasRepeats)
    #expect(keys.positions == [2, 5, 3, 1, 0, 4])
  }

  @Test("New figures are written in key order, then every other write in the submission's order")
  func writes() throws {
    var current = CurrentObservations()
    let stored = ObservationKey(
      indicator: Fixture.revenue.rawValue, orgPeriod: OrgPeriod(org: Fixture.xihu, period: Fixture.q1))
    current.observations[stored] = ObservationState(
      value: 9, note: nil, status: .submitted, revision: 1, changedAfterApproval: false)
    let submission = Fixture.submission(rows, by: Fixture.commission, role: .commission)
    let decided = try SubmissionDecision(submission: submission, current: current)
    // The stored figure (西湖区's revenue, the first row) is revised: it comes last.
    #expect(decided.order.order.map { decided.writes[$0].row.value } == [3, 4, 2, 5, 1])
    let revised = try #require(decided.writes.first { $0.kind == .revise })
    #expect(decided.order.writesOutFirstRevision(revised))
    #expect(decided.writes.filter { $0.kind == .add }.allSatisfy(decided.order.leavesFirstRevisionToObservation))
  }

  @Test("A figure added and written again in one submission keeps every revision's row")
  func addedAndRewritten() throws {
    let submission = Fixture.submission(
      [Fixture.row(value: "1"), Fixture.row(value: "2")], by: Fixture.commission, role: .commission)
    let decided = try SubmissionDecision(submission: submission, current: CurrentObservations())
    #expect(decided.writes.map(\.kind) == [.add, .revise])
    #expect(!decided.order.leavesFirstRevisionToObservation(decided.writes[0]))
    #expect(!decided.order.writesOutFirstRevision(decided.writes[1]))
  }
}

/// Rows decided in key order report what rows decided in the submission's order report.
@Suite("Decisions in key order")
struct KeyOrderDecisionTests {
  @Test("A refused submission names the period of its first refused row, with the lines in the file's order")
  func firstRefusal() throws {
    var current = CurrentObservations()
    for org in [Fixture.xihu, Fixture.binjiang] { current.locked[OrgPeriod(org: org, period: Fixture.q1)] = true }
    let rows = [
      Fixture.row(Fixture.incubators, org: Fixture.xihu, value: "1", line: 2),
      Fixture.row(Fixture.revenue, org: Fixture.binjiang, value: "2", line: 3),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "3", line: 4),
    ]
    let submission = Fixture.submission(rows, by: Fixture.commission, role: .commission)
    // 滨江区 comes first in key order, 西湖区 first in the file.
    #expect(SubmissionDecider(submission: submission, current: current).keyOrder == [1, 2, 0])
    do {
      _ = try SubmissionDecision(submission: submission, current: current)
      Issue.record("a submission into locked periods was not refused")
    } catch StoreError.refused(let refusal, let lines) {
      #expect(refusal.rule == .locked)
      #expect(lines == [2, 4])
      #expect(refusal.description.contains(Fixture.xihu.rawValue))
    }
  }

  @Test("Change requests are filed in the file's order")
  func changesInFileOrder() throws {
    var current = CurrentObservations()
    for org in [Fixture.xihu, Fixture.binjiang] { current.locked[OrgPeriod(org: org, period: Fixture.q1)] = true }
    let rows = [
      Fixture.row(org: Fixture.xihu, value: "1"), Fixture.row(value: "2"), Fixture.row(Fixture.incubators, value: "3"),
    ]
    let decided = try SubmissionDecision(
      submission: Fixture.submission(rows, by: Fixture.commission, reason: "统计局反馈修正", role: .commission),
      current: current)
    #expect(decided.changes.map(\.filing.value) == [1, 2, 3])
    #expect(decided.result.changeRequests == 3)
  }
}
