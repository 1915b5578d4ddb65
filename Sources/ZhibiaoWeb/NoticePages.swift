import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// Supervision notices (督办单) in the web app: the notices derived from the plan's rules and the
/// monitoring history, answered by their addressees and decided by the commission — the same
/// rules as `zhibiao notices`.
///
/// - `GET /notices?state=open`: the notices the account may read — the commission and
///   administrators every one, a district or bureau those addressed to it; viewers none (403) —
///   each with its level, reason, deadline, escalations and actions; an answer form for the
///   addressee while an answer is due; accept, return (with a comment) and close for the
///   commission.
/// - `GET /notices/print?notice=ID`: one notice as its printable page (督办单), the command line's
///   `notices print`, to print or save from the browser; `&format=docx` gives it as a Word
///   document laid out as an official document. Readable as the list is: a district or bureau
///   its own notices (403 for another org's), the commission and administrators every one.
/// - `POST /notices/answer`: the addressee's written remedy (整改措施) and its evidence.
/// - `POST /notices/decide`: the commission accepts or returns the answer waiting, or closes the
///   notice.
///
/// Each form carries the notice's version the page showed: an action recorded meanwhile makes the
/// request stale (409), never a decision on an answer nobody read. A notice that does not exist
/// is 404; an actor the rules refuse, 403.
struct NoticePages: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let standing: Standing
  let clock: @Sendable () -> Date

  func add(to router: Router<WebContext>) {
    router.get("/notices") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      guard account.role != .viewer else { throw HTTPError(.forbidden) }
      let query = request.uri.queryParameters
      let state = try query["state"].map { text -> Notice.State in
        guard let state = Notice.State(rawValue: String(text)) else {
          throw HTTPError(.badRequest, message: "not a notice state")
        }
        return state
      }
      let text = PageText.catalog(context.language)
      let done =
        query["answered"] != nil ? text["notice_answered"] : query["decided"] != nil ? text["notice_decided"] : nil
      let values = try await page(account: account, state: state, language: context.language, done: done)
      return pages.render("notices", values, request: request, context: context)
    }
    router.get("/notices/print") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let query = request.uri.queryParameters
      guard let id = query["notice"].flatMap({ NoticeID(String($0)) }) else {
        throw HTTPError(.badRequest, message: "give a notice")
      }
      let format = try DocumentFormat(query["format"].map(String.init))
      switch account.role {
      case .commission, .admin: break
      case .district where account.org == id.org, .bureau where account.org == id.org: break
      default: throw HTTPError(.forbidden)
      }
      let (notices, actions) = try await book()
      guard let notice = notices.first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
      let page = NoticePage(plan: workspace.plan, notice: notice, actions: actions.filter { $0.notice == id })
      let name = id.description.replacingOccurrences(of: ":", with: "_")
      return try Documents.document(
        page.html(language: context.language), name: name, format: format, download: query["download"] == "1",
        language: context.language)
    }
    router.post("/notices/answer") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.district, .bureau])
      let form = try await FormBody.read(&request)
      return try await act(form, kind: .answer, account: account, request: request, context: context)
    }
    router.post("/notices/decide") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.commission])
      let form = try await FormBody.read(&request)
      let kind: NoticeActivity.Kind
      switch form["decision"] {
      case "accept": kind = .accept
      case "return": kind = .return
      case "close": kind = .close
      default: throw HTTPError(.badRequest, message: "decision is accept, return or close")
      }
      return try await act(form, kind: kind, account: account, request: request, context: context)
    }
  }

  /// The notices and their actions as of now: from the shared reading of the figures, read again
  /// when an answer or decision has been recorded since it was made.
  private func book() async throws -> (notices: [Notice], actions: [NoticeAction]) {
    let actions = try await store.noticeActions(plan: workspace.plan.id, org: nil)
    var pipeline = try await standing.pipeline()
    if pipeline.noticeActions != actions { pipeline = try await Pipeline(workspace: workspace, store: store) }
    return (try pipeline.notices(asOf: clock()), pipeline.noticeActions)
  }

  /// The notices `account` may read among `notices`.
  static func readable(_ notices: [Notice], account: AccountRecord) -> [Notice] {
    switch account.role {
    case .commission, .admin: notices
    case .district, .bureau: notices.filter { $0.org == account.org }
    case .viewer: []
    }
  }

  private func page(
    account: AccountRecord, state: Notice.State?, language: Language, problem: String? = nil, done: String? = nil
  ) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let (all, actions) = try await book()
    let notices = Self.readable(all, account: account).filter { state == nil || $0.state == state }
    let settings = plan.monitoringSettings
    func name(_ org: OrgID) -> String { plan.org(org)?.name.text(in: language) ?? org.rawValue }
    func level(_ id: String) -> String { plan.supervision.level(id)?.name.text(in: language) ?? id }
    var values: [String: Any] = [
      "title": text["notices"] ?? "",
      "states": Notice.State.allCases.map {
        ["value": $0.rawValue, "label": $0.name.text(in: language), "current": $0 == state]
      },
      "notices": notices.sorted { $0.raisedAt > $1.raisedAt }.map { notice -> [String: Any] in
        let own = actions.filter { $0.notice == notice.id }
        let last = own.last?.kind
        var row: [String: Any] = [
          "id": notice.id.description, "level": level(notice.level), "level_id": notice.level,
          "org": name(notice.org), "period": notice.id.period.description,
          "reason": notice.reason.text(in: language), "raised": settings.day(of: notice.raisedAt),
          "deadline": settings.day(of: notice.deadline), "state": notice.state.name.text(in: language),
          "state_id": notice.state.rawValue, "version": own.last?.number ?? 0, "has_actions": !own.isEmpty,
          "escalations": notice.escalations.map { "\(level($0.level)) \(settings.day(of: $0.at))" }
            .joined(separator: "；"),
          "actions": own.map { action -> [String: Any] in
            [
              "number": action.number, "kind": text["notice_\(action.kind.rawValue)"] ?? action.kind.rawValue,
              "by": name(action.actor),
              "at": settings.day(of: action.time), "text": action.text ?? "", "evidence": action.evidence ?? "",
            ]
          },
        ]
        if notice.isOpen {
          if account.org == notice.org, account.role == .district || account.role == .bureau, last != .answer {
            row["answerable"] = true
          }
          if account.role == .commission {
            row["decidable"] = true
            if last == .answer { row["answered"] = true }
          }
        }
        return row
      },
    ]
    if let problem { values["problem"] = problem }
    if let done { values["done"] = done }
    return values
  }

  private func act(
    _ form: FormBody, kind: NoticeActivity.Kind, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    guard let id = NoticeID(form["notice"] ?? ""), let seen = Int(form["version"] ?? "") else {
      throw HTTPError(.badRequest, message: "a notice and the version seen")
    }
    let rules = ReviewRules(plan: plan)
    let refusal =
      kind == .answer
      ? rules.answerNotice(id, by: account.org, as: account.role)
      : rules.decideNotice(by: account.org, as: account.role)
    if refusal != nil { throw HTTPError(.forbidden) }
    let (notices, _) = try await book()
    guard let notice = notices.first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
    func rerender(_ status: HTTPResponse.Status, _ problem: String) async throws -> Response {
      let values = try await page(
        account: account, state: nil, language: context.language, problem: problem)
      return pages.render("notices", values, request: request, context: context, status: status)
    }
    guard notice.isOpen else {
      return try await rerender(.conflict, PageText.catalog(context.language)["notice_closed"] ?? "")
    }
    let comment = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    let evidence = (form["evidence"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if comment.count > 1000 || evidence.count > 500 {
      return try await rerender(.unprocessableContent, PageText.catalog(context.language)["notice_too_long"] ?? "")
    }
    do {
      _ = try await store.recordNoticeActions([
        NoticeActionFiling(
          plan: plan.id, notice: id, kind: kind, text: comment.isEmpty ? nil : comment,
          evidence: evidence.isEmpty ? nil : evidence, seenVersion: seen, actor: account.org, role: account.role,
          user: account.name, time: clock(), source: "web form (\(account.name))")
      ])
    } catch StoreError.refused(let refusal, _) {
      return try await rerender(
        refusal.kind == .forbidden ? .forbidden : .conflict, refusal.text.text(in: context.language))
    }
    return Response(
      status: .seeOther, headers: [.location: kind == .answer ? "/notices?answered=1" : "/notices?decided=1"])
  }
}
