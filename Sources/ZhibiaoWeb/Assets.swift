import Foundation
import HTTPTypes
import Hummingbird

/// The files every page uses, served by the app itself (nothing comes from elsewhere).
struct Assets: Sendable {
  /// The icon: the character 指 on the report's ink colour.
  static let icon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f3a5f"/>\
    <text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">指</text></svg>
    """

  func add(to router: Router<WebContext>) {
    for path in ["/favicon.svg", "/favicon.ico"] {
      router.get(RouterPath(path)) { _, _ -> Response in
        var response = Response(
          status: .ok, headers: [.contentType: "image/svg+xml"],
          body: ResponseBody(byteBuffer: ByteBuffer(string: Self.icon)))
        response.headers[.cacheControl] = "public, max-age=86400"
        return response
      }
    }
  }
}

/// `GET /api/v1/openapi.json`: the API's description, as committed in `OpenAPI/openapi.json`.
struct OpenAPIDocument: Sendable {
  let document: ByteBuffer

  /// The document shipped with the app.
  static func load() throws -> OpenAPIDocument {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI") else {
      throw HTTPError(.internalServerError, message: "the OpenAPI document is missing")
    }
    return OpenAPIDocument(document: ByteBuffer(bytes: try Data(contentsOf: url)))
  }

  func add(to router: Router<WebContext>) {
    router.get("/api/v1/openapi.json") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
        body: ResponseBody(byteBuffer: document))
    }
  }
}
