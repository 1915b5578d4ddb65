import Foundation
import Hummingbird

/// The signed-in home page and `GET /api/v1/me`.
struct Home: Sendable {
  let pages: Pages

  func add(to router: Router<WebContext>) {
    router.get("/") { _, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      return pages.render("home", [:], context: context)
    }
    router.get("/api/v1/me") { _, context -> Response in
      guard let account = context.account else {
        return JSONBody.response(status: .unauthorized, ["error": "Unauthorized"])
      }
      return JSONBody.response(
        status: .ok, ["name": account.name, "org": account.org.rawValue, "role": account.role.rawValue])
    }
  }
}
