import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoAccounts
import ZhibiaoStore

/// Signing in and out.
///
/// Five failed sign-ins within 15 minutes, for one account or from one address, turn further
/// attempts away with 429 before any password is checked. A sign-in starts a new session with a
/// new id (any session the browser carried is ended) and a new CSRF token; the store keeps only
/// the id's hash. An unknown name costs the same bcrypt check as a wrong password.
struct SignIn: Sendable {
  let store: any Store
  let pages: Pages
  let clock: @Sendable () -> Date

  static let window: TimeInterval = 15 * 60
  static let attempts = 5
  /// A hash checked when the name is unknown, so that the answer takes as long.
  static let decoy = Passwords.hash("decoy-password-never-used")

  func add(to router: Router<WebContext>) {
    router.get("/login") { request, context -> Response in
      if context.account != nil { return Self.redirect(to: "/") }
      return pages.render(
        "login", ["failed": false, "name": "", "title": Self.title(context)], request: request, context: context)
    }
    router.post("/login") { request, context -> Response in
      var request = request
      let form = try await FormBody.read(&request, upTo: 16_384)
      return try await signIn(name: form["name"] ?? "", password: form["password"] ?? "", request, context)
    }
    router.post("/logout") { request, context -> Response in
      if let session = context.session { try await store.deleteSession(idHash: session.idHash) }
      var response = Self.redirect(to: "/login")
      response.headers[.setCookie] = SessionCookie.clearing
      return response
    }
  }

  func signIn(name: String, password: String, _ request: Request, _ context: WebContext) async throws -> Response {
    let now = clock()
    let failures = try await store.loginFailures(
      account: name, address: context.address, since: now.addingTimeInterval(-Self.window))
    if failures.account >= Self.attempts || failures.address >= Self.attempts {
      context.logger.notice("sign-in throttled", metadata: ["account": "\(name)"])
      return pages.render(
        "login", ["failed": false, "throttled": true, "name": name, "title": Self.title(context)], request: request,
        context: context, status: .tooManyRequests)
    }
    let account = try await store.account(named: name)
    let valid = await Self.verify(password, hash: account?.passwordHash ?? Self.decoy)
    guard let account, valid, !account.disabled else {
      try await store.recordLoginFailure(account: name, address: context.address, at: now)
      context.logger.notice("sign-in failed", metadata: ["account": "\(name)"])
      // The form again, with the reason: a page the browser shows, not an error it logs.
      return pages.render(
        "login", ["failed": true, "name": name, "title": Self.title(context)], request: request, context: context)
    }
    if let old = SessionCookie.value(in: request) { try await store.deleteSession(idHash: Tokens.hash(old)) }
    let id = Tokens.random()
    try await store.addSession(
      SessionRecord(
        idHash: Tokens.hash(id), account: account.name, csrfToken: Tokens.random(), createdAt: now, lastSeenAt: now,
        address: context.address))
    context.logger.info("signed in", metadata: ["account": "\(account.name)"])
    var response = Self.redirect(to: "/")
    response.headers[.setCookie] = SessionCookie.setting(id)
    return response
  }

  /// The sign-in page's title in the request's language.
  static func title(_ context: WebContext) -> String { PageText.catalog(context.language)["sign_in"] ?? "" }

  /// bcrypt on a thread of its own: it takes a quarter of a second and must not hold up the server.
  static func verify(_ password: String, hash: String) async -> Bool {
    await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(returning: Passwords.verify(password, hash: hash))
      }
    }
  }

  /// 303 See Other to `path`.
  static func redirect(to path: String) -> Response {
    Response(status: .seeOther, headers: [.location: path])
  }
}
