import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// An import killed with SIGKILL while it writes leaves the store without it or with all of it.
@Suite("Crash safety of ingest", .serialized)
struct CrashSafetyTests {
  /// Every figure the plan can take, for every reporting org and period of the plan's years:
  /// over seven thousand valid rows, with year-to-date values rising within each year.
  static func fullPlanFile(_ plan: Plan) -> (text: String, rows: Int) {
    var lines = ["indicator,org,period,value,unit,note"]
    for indicator in plan.indicators {
      guard indicator.kind != .qualitative, plan.derivation(for: indicator.id) == nil
      else { continue }
      let orgs: [OrgID] =
        indicator.aggregation == .cityOnly
        ? [indicator.owner] : [indicator.owner] + (indicator.eligible ?? plan.districts.map(\.id))
      for (index, org) in orgs.enumerated() {
        for year in plan.baseYear...plan.targetYear {
          let periods: [Period] =
            indicator.frequency == .quarterly ? (1...4).map { .quarter($0, of: year) } : [.year(year)]
          for (step, period) in periods.enumerated() {
            let value = indicator.kind == .rank ? 5 : (index + 1) * 10 + (year - plan.baseYear) * 5 + step + 1
            lines.append("\(indicator.id),\(org),\(period),\(value),,")
          }
        }
      }
    }
    return (lines.joined(separator: "\n") + "\n", lines.count - 1)
  }

  @Test("Killed at several points of writing, the store holds none of the import or all of it")
  func sigkillLeavesNoPartialImport() throws {
    let plan = try HangzhouPlan.plan()
    let run = try Executable()
    defer { run.cleanUp() }
    let (text, rows) = Self.fullPlanFile(plan)
    #expect(rows > 7_000)
    let big = run.path("big.csv")
    try text.write(toFile: big, atomically: true, encoding: .utf8)
    let seed = run.path("seed.csv")
    try "indicator,org,period,value,unit,note\nplan.gdp,bureau.drc,2021,18109,亿元,\n"
      .write(toFile: seed, atomically: true, encoding: .utf8)

    var killedWhileWriting = 0
    // The seed's figure is also in the big file, so a whole import leaves exactly `rows` figures.
    // Kill as soon as the write-ahead log has grown past a threshold: early, middle and late.
    for threshold in [1, 256 * 1024, 1024 * 1024, 2 * 1024 * 1024, 4 * 1024 * 1024] {
      let db = run.path("z-\(threshold).sqlite")
      #expect(try run.run(["ingest", seed, "--db", db]).status == 0)
      let process = Process()
      process.executableURL = Executable.binary
      process.arguments = ["ingest", big, "--db", db, "--config", Repository.config.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let wal = db + "-wal"
      var walSize = 0
      while process.isRunning {
        walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        if walSize >= threshold {
          kill(process.processIdentifier, SIGKILL)
          break
        }
        usleep(200)
      }
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal { killedWhileWriting += 1 }

      let export = try run.run(["export", "--db", db, "--format", "json"])
      #expect(export.status == 0, "the store must open after the kill: \(export.errors)")
      let stored = try #require(JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [[String: Any]])
      #expect(
        stored.count == 1 || stored.count == rows,
        "after a kill at \(walSize) bytes of log the store holds \(stored.count) figures, neither 1 nor \(rows)")
    }
    #expect(killedWhileWriting >= 3, "the kill should land while the import writes; it did \(killedWhileWriting) times")
  }
}
