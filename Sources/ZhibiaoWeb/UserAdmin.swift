import Foundation
import Hummingbird
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// User management for administrators (用户管理), by the same rules as `zhibiao users`:
///
/// - `GET /admin/users`: every account with its org, role and state, and a form to add one.
/// - `POST /admin/users`: adds an account (a valid login name, a role that fits its org, a
///   password by the password rules); a mistake shows the form again with what is wrong (422), a
///   name taken is 409.
/// - `POST /admin/users/state`: disables an account (its sessions end, its tokens stop working) or
///   enables it again; an administrator cannot disable the account signed in.
/// - `POST /admin/users/password`: sets a new password (the account's sessions end).
struct UserAdmin: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let clock: @Sendable () -> Date

  func add(to router: Router<WebContext>) {
    router.get("/admin/users") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      _ = try PageAccess.account(context, roles: [.admin])
      var values = try await listing(language: context.language)
      if let done = request.uri.queryParameters["done"] {
        values["done"] = PageText.catalog(context.language)["users_\(done)"]
      }
      return pages.render("users", values, request: request, context: context)
    }
    router.post("/admin/users") { request, context -> Response in
      var request = request
      _ = try PageAccess.account(context, roles: [.admin])
      let form = try await FormBody.read(&request, upTo: 16_384)
      return try await addAccount(form, request: request, context: context)
    }
    router.post("/admin/users/state") { request, context -> Response in
      var request = request
      let admin = try PageAccess.account(context, roles: [.admin])
      let form = try await FormBody.read(&request, upTo: 16_384)
      guard let name = form["name"], let account = try await store.account(named: name) else {
        throw HTTPError(.notFound)
      }
      let disable = form["disabled"] == "true"
      if disable, account.name == admin.name {
        return try await again(PageText.catalog(context.language)["users_not_self"] ?? "", .conflict, request, context)
      }
      try await store.setDisabled(disable, account: account.name, at: clock())
      context.logger.notice("account \(disable ? "disabled" : "enabled")", metadata: ["account": "\(account.name)"])
      return SignIn.redirect(to: "/admin/users?done=\(disable ? "disabled" : "enabled")")
    }
    router.post("/admin/users/password") { request, context -> Response in
      var request = request
      _ = try PageAccess.account(context, roles: [.admin])
      let form = try await FormBody.read(&request, upTo: 16_384)
      guard let name = form["name"], let account = try await store.account(named: name) else {
        throw HTTPError(.notFound)
      }
      let password = form["password"] ?? ""
      if let refusal = Passwords.refusal(of: password, account: account.name) {
        return try await again(
          context.language == .zh ? refusal.zh : refusal.en, .unprocessableContent, request, context)
      }
      let hash = await Self.hashing(password)
      try await store.setPasswordHash(hash, account: account.name, at: clock())
      context.logger.notice("password reset", metadata: ["account": "\(account.name)"])
      return SignIn.redirect(to: "/admin/users?done=password")
    }
  }

  /// The page again with `problem`.
  func again(
    _ problem: String, _ status: HTTPResponse.Status, _ request: Request, _ context: WebContext,
    form: [String: Any] = [:]
  ) async throws -> Response {
    var values = try await listing(language: context.language)
    values["problem"] = problem
    values.merge(form) { _, new in new }
    return pages.render("users", values, request: request, context: context, status: status)
  }

  func addAccount(_ form: FormBody, request: Request, context: WebContext) async throws -> Response {
    let plan = workspace.plan
    let language = context.language
    let text = PageText.catalog(language)
    let name = form["name"]?.trimmingCharacters(in: .whitespaces) ?? ""
    let password = form["password"] ?? ""
    let entered: [String: Any] = ["new_name": name, "new_org": form["org"] ?? "", "new_role": form["role"] ?? ""]
    guard AccountRules.isValidName(name) else {
      return try await again(text["users_bad_name"] ?? "", .unprocessableContent, request, context, form: entered)
    }
    guard let org = form["org"].flatMap({ plan.org(OrgID($0)) }), let role = form["role"].flatMap(Role.init)
    else { throw HTTPError(.badRequest, message: "give an org and a role") }
    if let misfit = AccountRules.misfit(role: role, org: org, plan: plan) {
      return try await again(misfit.text(in: language), .unprocessableContent, request, context, form: entered)
    }
    if let refusal = Passwords.refusal(of: password, account: name) {
      return try await again(
        language == .zh ? refusal.zh : refusal.en, .unprocessableContent, request, context, form: entered)
    }
    let now = clock()
    let hash = await Self.hashing(password)
    do {
      try await store.addAccount(
        AccountRecord(name: name, org: org.id, role: role, passwordHash: hash, createdAt: now, updatedAt: now))
    } catch AccountError.exists {
      return try await again(text["users_exists"] ?? "", .conflict, request, context, form: entered)
    }
    context.logger.notice("account added", metadata: ["account": "\(name)", "role": "\(role.rawValue)"])
    return SignIn.redirect(to: "/admin/users?done=added")
  }

  /// bcrypt on a thread of its own, as at sign-in.
  static func hashing(_ password: String) async -> String {
    await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: Passwords.hash(password)) }
    }
  }

  func listing(language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    return [
      "title": text["users"] ?? "",
      "accounts": try await store.accounts().sorted { $0.name < $1.name }.map { account -> [String: Any] in
        [
          "name": account.name, "org": plan.org(account.org)?.name.text(in: language) ?? account.org.rawValue,
          "role": account.role.name.text(in: language), "disabled": account.disabled,
          "created": FigurePages.time(account.createdAt),
        ]
      },
      "orgs": plan.orgs.map { ["org": $0.id.rawValue, "name": $0.name.text(in: language)] },
      "roles": Role.allCases.map { ["role": $0.rawValue, "name": $0.name.text(in: language)] },
    ]
  }
}
