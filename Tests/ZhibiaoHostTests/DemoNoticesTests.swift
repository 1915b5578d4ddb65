import Foundation
import Testing

/// The demo's notice cycle on the sample data, as of 2025-02-15: 33 notices raised from 2022 on;
/// the sample answers `notice-answers.csv` — 淳安县's (accepted) and 临安区's (returned) 2024Q3
/// red notices — leave 9 open, 8 of them unanswered past their deadline.
@Suite("The demo's supervision notices")
struct DemoNoticesTests {
  let demo = DemoRun.shared

  @Test("the summary counts the notices and prints the latest open ones")
  func summary() throws {
    #expect(demo.status == 0, "\(demo.errors)")
    #expect(demo.output.contains("督办单：共 33 件，未办结 9 件（红色督办 9），逾期未答复 8 件"))
    #expect(demo.output.contains("  红色督办 · 临安区 · 连续 3 个监测期红灯（2024年1-3月至2024年1-9月） · 已退回"))
    #expect(!demo.output.contains("淳安县 · 连续 3 个监测期红灯（2024年1-3月至2024年1-9月）"))
    #expect(try demo.text("report/report.md").contains("督办单：本年度下发 9 件（蓝色提醒 2、黄色督办 2、红色督办 5），未办结 7 件，其中逾期未答复 7 件。"))
  }
}
