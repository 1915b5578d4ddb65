import HTTPTypes
import Hummingbird
import ZhibiaoKernel

/// Picks the language of the pages: `?lang=zh|en` when given, which the browser then keeps in a
/// cookie so that the choice holds across sign-in and every later page; else the cookie; else
/// Chinese.
struct LanguageChoice: RouterMiddleware {
  typealias Context = WebContext

  static let cookie = "__Host-zhibiao-lang"

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    let asked = request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) }
    context.language = asked ?? request.cookie(Self.cookie).flatMap(Language.init(rawValue:)) ?? .zh
    var response = try await next(request, context)
    if let asked {
      response.headers.append(
        HTTPField(
          name: .setCookie, value: "\(Self.cookie)=\(asked.rawValue); Path=/; Secure; HttpOnly; SameSite=Strict"))
    }
    return response
  }
}
