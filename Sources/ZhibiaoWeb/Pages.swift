import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import ZhibiaoKernel
import ZhibiaoStore

/// The pages, rendered from the Mustache templates in `Templates/` with HTML escaping: every
/// value is escaped, and no template uses the unescaped forms `{{{…}}}` or `{{&…}}` (a test
/// checks). The texts of the page come from `PageText` in the request's language, as `t`.
///
/// Every signed-in page shares `header.mustache` and `footer.mustache`: the app's name, the
/// pages the account's role may open, who is signed in, the language switch (back to the same
/// page) and the sign-out button with the session's CSRF token.
struct Pages: Sendable {
  let library: MustacheLibrary
  let plan: Plan
  /// The plans a user can pick between, when the app serves more than one.
  var choices: [PlanChoice.Item] = []

  /// The templates shipped with the app, for pages about `plan`; `choices` the plans to pick from.
  static func load(plan: Plan, choices: [PlanChoice.Item] = []) async throws -> Pages {
    guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw HTTPError(.internalServerError, message: "the page templates are missing")
    }
    return Pages(library: try await MustacheLibrary(directory: folder.path), plan: plan, choices: choices)
  }

  /// The page `template` for `values`, with the texts, the signed-in account and the navigation;
  /// `request` gives the address the language switch leads back to.
  func render(
    _ template: String, _ values: [String: Any], request: Request, context: WebContext,
    status: HTTPResponse.Status = .ok
  ) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: html(template, values, request: request, context: context))))
  }

  /// The HTML of the page `template` for `values`, as `render` answers it.
  func html(_ template: String, _ values: [String: Any], request: Request, context: WebContext) -> String {
    var object = values
    let language = context.language
    let text = PageText.catalog(language)
    object["t"] = text
    object["lang"] = language.rawValue
    object["other_lang"] = language == .zh ? "en" : "zh"
    object["lang_switch"] = Self.switching(
      path: request.uri.path, query: request.uri.query, to: language == .zh ? .en : .zh)
    if let account = context.account {
      object["account"] = [
        "name": account.name, "org": account.org.rawValue,
        "org_name": plan.org(account.org)?.name.text(in: language) ?? account.org.rawValue,
        "role": account.role.rawValue, "role_name": account.role.name.text(in: language),
      ]
      object["nav"] = Self.sections(for: account.role).map { section in
        [
          "href": section.path, "label": text[section.label] ?? section.label,
          "current": section.path == request.uri.path,
        ]
      }
    }
    if let session = context.session { object["csrf"] = session.csrfToken }
    object["plan_name"] = plan.name.text(in: language)
    if !choices.isEmpty {
      object["plan_choice"] = [
        "plans": choices.map {
          ["id": $0.id, "name": $0.name.text(in: language), "current": $0.id == plan.id.rawValue] as [String: Any]
        }
      ]
    }
    return library.render(object, withTemplate: template) ?? ""
  }

  /// The page `template` as `render` makes it, kept in `standing` for the account, the language
  /// and the address until the figures change: a page that many open at once (the board, a
  /// district's home) is rendered once, not once per request. The session's CSRF token is put in
  /// per request, so that no session's token is ever served to another.
  func rendered(
    _ template: String, standing: Standing, request: Request, context: WebContext,
    _ values: @escaping @Sendable () async throws -> PageValues
  ) async throws -> Response {
    let account = context.account?.name ?? ""
    let address = request.uri.path + "?" + (request.uri.query ?? "")
    let key = "page|\(template)|\(account)|\(context.language.rawValue)|\(address)"
    var shared = context
    shared.session?.csrfToken = Self.tokenMark
    let sharedContext = shared
    // The page is kept cut at its token marks, and joined with the session's token per request.
    let pieces = try await standing.cached(key) {
      html(template, try await values().values, request: request, context: sharedContext)
        .components(separatedBy: Self.tokenMark).map { ByteBuffer(string: $0) }
    }
    let token = ByteBuffer(string: context.session?.csrfToken ?? "")
    var page = ByteBuffer()
    page.reserveCapacity(pieces.reduce(0) { $0 + $1.readableBytes } + token.readableBytes * pieces.count)
    for (index, piece) in pieces.enumerated() {
      if index > 0 { page.writeImmutableBuffer(token) }
      page.writeImmutableBuffer(piece)
    }
    return Response(
      status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: page))
  }

  /// Where a kept page's CSRF token goes: letters that escaping leaves alone and no page holds.
  static let tokenMark = "ZHIBIAOCSRFTOKENMARK0000000000000000"

  /// A page of the navigation: its path and the key of its label in `PageText`.
  struct Section {
    var path: String
    var label: String
  }

  /// The pages a role opens, in the order the navigation shows them.
  static func sections(for role: Role) -> [Section] {
    let home = Section(path: "/", label: "home")
    let entry = Section(path: "/entry", label: "entry")
    let upload = Section(path: "/upload", label: "upload")
    let review = Section(path: "/review", label: "review")
    let board = Section(path: "/board", label: "board")
    let audit = Section(path: "/audit", label: "audit")
    let changes = Section(path: "/changes", label: "changes")
    let users = Section(path: "/admin/users", label: "users")
    let targets = Section(path: "/targets", label: "issued_targets")
    let registers = Section(path: "/registers", label: "registers")
    let tasks = Section(path: "/tasks", label: "tasks")
    let events = Section(path: "/assessment/events", label: "assessment_events")
    let notices = Section(path: "/notices", label: "notices")
    switch role {
    case .district: return [home, entry, upload, registers, tasks, notices, changes, targets]
    case .bureau: return [home, entry, upload, review, registers, tasks, notices, changes, targets]
    case .commission: return [home, board, review, registers, tasks, notices, events, changes, targets, audit]
    case .admin: return [home, board, tasks, notices, changes, targets, audit, users]
    case .viewer: return [home, tasks, targets]
    }
  }

  /// The address `path?query` with `lang=` set to `language`, the other query parameters kept.
  static func switching(path: String, query: String?, to language: Language) -> String {
    var pairs =
      query.map { query in
        query.split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init)
      } ?? []
    pairs.append("lang=\(language.rawValue)")
    return path + "?" + pairs.joined(separator: "&")
  }
}
