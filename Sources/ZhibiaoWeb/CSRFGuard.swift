import Foundation
import HTTPTypes
import Hummingbird

/// Refuses a state-changing request (anything but GET and HEAD) that another site makes: a
/// browser's `Sec-Fetch-Site: cross-site`, or, for a signed-in session, a form or header without
/// the session's CSRF token. Scripts with a bearer token send no cookie and need no token.
/// Signing in carries no session yet; the cross-site check and `SameSite=Strict` cover it.
struct CSRFGuard: RouterMiddleware {
  typealias Context = WebContext

  /// The form field and the header that carry the token.
  static let field = "csrf"
  static let header = HTTPField.Name("X-CSRF-Token")!

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard request.method != .get, request.method != .head else { return try await next(request, context) }
    if request.headers[.secFetchSite] == "cross-site" { throw HTTPError(.forbidden) }
    // Signing in carries its own credentials, and replaces whatever session the browser had.
    guard let session = context.session, request.uri.path != "/login" else { return try await next(request, context) }
    var request = request
    let given: String?
    if let header = request.headers[Self.header] {
      given = header
    } else {
      let body = try await request.collectBody(upTo: context.maxUploadSize)
      if let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") {
        given = MultipartForm(body, contentType: type)?.field(Self.field)
      } else {
        given = FormBody(String(buffer: body))[Self.field]
      }
    }
    guard let given, Self.equal(given, session.csrfToken) else { throw HTTPError(.forbidden) }
    return try await next(request, context)
  }

  /// Compares in time that does not depend on where the texts differ.
  static func equal(_ a: String, _ b: String) -> Bool {
    let (x, y) = (Array(a.utf8), Array(b.utf8))
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}

extension HTTPField.Name {
  static let secFetchSite = Self("Sec-Fetch-Site")!
}

/// An `application/x-www-form-urlencoded` body, read field by field.
struct FormBody {
  private var fields: [String: [String]] = [:]

  /// The form in the body of `request`, of at most `limit` bytes (a longer body is refused).
  static func read(_ request: inout Request, upTo limit: Int = 65_536) async throws -> FormBody {
    FormBody(String(buffer: try await request.collectBody(upTo: limit)))
  }

  init(_ text: String) {
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let key = Self.decode(parts[0]) else { continue }
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      if let value { fields[key, default: []].append(value) }
    }
  }

  /// The first value of the field `key`.
  subscript(_ key: String) -> String? { fields[key]?.first }

  /// Every value of the field `key`, in the order sent (ticked boxes of one name).
  func values(_ key: String) -> [String] { fields[key] ?? [] }

  private static func decode(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
