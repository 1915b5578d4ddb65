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

  /// The stylesheet and the script, read once from `Static/`.
  let files: [String: (type: String, body: ByteBuffer)]

  /// The files shipped with the app.
  static func load() throws -> Assets {
    var files: [String: (type: String, body: ByteBuffer)] = [:]
    for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8")] {
      let parts = name.split(separator: ".")
      guard
        let url = Bundle.module.url(
          forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Static")
      else { throw HTTPError(.internalServerError, message: "the file \(name) is missing") }
      files[name] = (type, ByteBuffer(bytes: try Data(contentsOf: url)))
    }
    return Assets(files: files)
  }

  func add(to router: Router<WebContext>) {
    for (name, file) in files {
      router.get(RouterPath("/static/\(name)")) { _, _ -> Response in
        var response = Response(
          status: .ok, headers: [.contentType: file.type], body: ResponseBody(byteBuffer: file.body))
        response.headers[.cacheControl] = "public, max-age=3600"
        return response
      }
    }
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
