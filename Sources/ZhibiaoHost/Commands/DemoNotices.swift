import Foundation
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The demo's notice cycle: the notices the sample raises, the sample's illustrative answers
/// (`notice-answers.csv`, each by its addressee), the commission's decision on each (the first
/// accepted, the others returned), and the lines the summary prints about the notices left open.
enum DemoNotices {
  /// Records the sample answers as of `asOf` and returns the notices as of then.
  static func cycle(workspace: Workspace, store: any Store, sample: URL, asOf: Date) async throws -> [Notice] {
    let file = sample.appendingPathComponent("notice-answers.csv")
    var notices = try await Pipeline(workspace: workspace, store: store).notices(asOf: asOf)
    guard FileManager.default.fileExists(atPath: file.path) else { return notices }
    let plan = workspace.plan
    let text = try String(contentsOf: file, encoding: .utf8)
    let table = try ImportTable(parsing: text, file: file.path)
    let rules = ReviewRules(plan: plan)
    // Each row is answered by its own addressee, an hour before the day of the demo.
    var answered: [NoticeID] = []
    for row in table.rows {
      guard let id = row["notice"].flatMap(NoticeID.init) else { continue }
      let single =
        "notice,org,text,evidence\n"
        + [row["notice"], row["org"], row["text"], row["evidence"]]
        .map { "\"" + ($0 ?? "").replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
      let filings = try NoticeAnswerFile.filings(
        single, file: file.path, plan: plan, notices: notices, actions: [], answerer: id.org,
        role: rules.role(of: id.org), time: asOf.addingTimeInterval(-7_200))
      _ = try await store.recordNoticeActions(filings)
      answered.append(id)
    }
    for (index, id) in answered.enumerated() {
      _ = try await store.recordNoticeActions([
        NoticeActionFiling(
          plan: plan.id, notice: id, kind: index == 0 ? .accept : .return,
          text: index == 0 ? nil : "整改措施须列明时间表（示例）", seenVersion: 1, actor: plan.commission,
          role: .commission, time: asOf.addingTimeInterval(-3_600), source: "demo")
      ])
    }
    notices = try await Pipeline(workspace: workspace, store: store).notices(asOf: asOf)
    return notices
  }

  /// "督办单：未办结 N 件（…），逾期未答复 K 件" and the first open ones.
  static func summary(_ notices: [Notice], plan: Plan, language: Language) -> [String] {
    let zh = language == .zh
    let open = notices.filter(\.isOpen)
    let byLevel = plan.supervision.levels.compactMap { level -> String? in
      let count = open.filter { $0.level == level.id }.count
      return count == 0 ? nil : "\(level.name.text(in: language)) \(count)"
    }
    let unanswered = open.filter(\.isUnanswered).count
    var lines = [
      zh
        ? "督办单：共 \(notices.count) 件，未办结 \(open.count) 件（\(byLevel.joined(separator: "、"))），逾期未答复 \(unanswered) 件"
        : "Supervision notices: \(notices.count), open \(open.count) (\(byLevel.joined(separator: ", "))), "
          + "unanswered past their deadline \(unanswered)"
    ]
    // The latest first: what the districts are dealing with now.
    for notice in open.sorted(by: { $0.raisedAt > $1.raisedAt }).prefix(5) {
      let org = plan.org(notice.org)?.name.text(in: language) ?? notice.org.rawValue
      let level = plan.supervision.level(notice.level)?.name.text(in: language) ?? notice.level
      lines.append(
        "  \(level) · \(org) · \(notice.reason.text(in: language)) · \(notice.state.name.text(in: language))")
    }
    if open.count > 5 { lines.append(zh ? "  ……（zhibiao notices 列出全部）" : "  … (zhibiao notices lists them all)") }
    return lines
  }
}
