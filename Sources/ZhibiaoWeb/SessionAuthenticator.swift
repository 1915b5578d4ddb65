import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoAccounts
import ZhibiaoStore

/// How long a session lives: 30 minutes without use, 12 hours at most.
public struct SessionLimits: Sendable {
  /// The longest a session may go unused.
  public var idle: TimeInterval = 30 * 60
  /// The longest a session may last.
  public var absolute: TimeInterval = 12 * 60 * 60

  public init(idle: TimeInterval = 30 * 60, absolute: TimeInterval = 12 * 60 * 60) {
    self.idle = idle
    self.absolute = absolute
  }
}

/// Finds who a request acts as: a session cookie for a browser, `Authorization: Bearer` for a
/// script. A session past its limits, or of a disabled account, is ended and counts for nothing.
struct SessionAuthenticator: RouterMiddleware {
  typealias Context = WebContext

  let store: any Store
  let limits: SessionLimits
  let clock: @Sendable () -> Date

  /// How stale a session's recorded last use may grow before a request writes it again.
  static let touchInterval: TimeInterval = 60

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    if let bearer = Self.bearer(request) {
      guard let account = try await store.account(forTokenHash: Tokens.hash(bearer)) else {
        throw HTTPError(.unauthorized)
      }
      context.account = account
    } else if let id = SessionCookie.value(in: request) {
      let hash = Tokens.hash(id)
      // The session and its account in one read, on every request: ending a session or disabling
      // an account anywhere (another instance, the command line) counts at the next request.
      if let (session, account) = try await store.sessionAndAccount(idHash: hash) {
        let now = clock()
        let fresh =
          now.timeIntervalSince(session.lastSeenAt) <= limits.idle
          && now.timeIntervalSince(session.createdAt) <= limits.absolute
        if fresh, let account, !account.disabled {
          // The last use is written at most once a minute: a page's many requests do not each
          // write to the store, and the idle limit holds to within that minute.
          if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
            try await store.touchSession(idHash: hash, at: now)
          }
          context.session = session
          context.account = account
        } else {
          try await store.deleteSession(idHash: hash)
        }
      }
    }
    return try await next(request, context)
  }

  /// The token of an `Authorization: Bearer` header.
  static func bearer(_ request: Request) -> String? {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
    var token = header.dropFirst(7).drop { $0 == " " || $0 == "\t" }
    while let last = token.last, last == " " || last == "\t" { token = token.dropLast() }
    return token.isEmpty ? nil : String(token)
  }
}

/// The session cookie: `__Host-` prefixed (only over HTTPS, for this host, path /), `Secure`,
/// `HttpOnly`, `SameSite=Strict`.
enum SessionCookie {
  static let name = "__Host-zhibiao"

  /// The session id the request carries, if any.
  static func value(in request: Request) -> String? { request.cookie(name) }

  /// The header that sets the cookie to `id`.
  static func setting(_ id: String) -> String {
    "\(name)=\(id); Path=/; Secure; HttpOnly; SameSite=Strict"
  }

  /// The header that removes the cookie.
  static let clearing = "\(name)=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"
}

extension Request {
  /// The value of the cookie `name` the request carries, if any.
  ///
  /// Every request reads its cookies two or three times, so the header is cut by hand rather than
  /// through Foundation's character sets: each `;`-separated pair trimmed of spaces and tabs.
  func cookie(_ name: String) -> String? {
    let prefix = name + "="
    for header in headers[values: .cookie] {
      for part in header.split(separator: ";") {
        let pair = part.drop { $0 == " " || $0 == "\t" }
        guard pair.hasPrefix(prefix) else { continue }
        var value = pair.dropFirst(prefix.count)
        while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
        return String(value)
      }
    }
    return nil
  }
}
