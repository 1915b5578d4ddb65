import HTTPTypes
import Hummingbird
import ZhibiaoKernel

/// Picks the plan a request is about, when the app serves several (a configuration's plans side
/// by side): `?plan=ID` when it names one, which the browser then keeps in a cookie so that the
/// choice holds on every later page; else the cookie; else the plan served first. Each plan has
/// routes of its own over the one store, which keeps every plan's figures apart; accounts and
/// sessions are the same for all (the plans share their orgs).
public struct PlanChoice: HTTPResponder {
  public typealias Context = WebContext

  /// A plan to pick: its id and name.
  public struct Item: Sendable {
    public var id: String
    public var name: LocalizedText
  }

  static let cookie = "__Host-zhibiao-plan"

  /// The routes of each plan, the first served unless the request picks another.
  let routes: [(id: String, responder: RouterResponder<WebContext>)]

  public func respond(to request: Request, context: WebContext) async throws -> Response {
    let asked = request.uri.queryParameters["plan"].map(String.init).flatMap { id in
      routes.contains { $0.id == id } ? id : nil
    }
    let kept = request.cookie(Self.cookie).flatMap { id in routes.contains { $0.id == id } ? id : nil }
    let id = asked ?? kept ?? routes[0].id
    guard let route = routes.first(where: { $0.id == id }) else {
      return try await routes[0].responder.respond(to: request, context: context)
    }
    var response = try await route.responder.respond(to: request, context: context)
    if let asked, asked != kept {
      response.headers.append(
        HTTPField(name: .setCookie, value: "\(Self.cookie)=\(asked); Path=/; Secure; HttpOnly; SameSite=Strict"))
    }
    return response
  }
}
