import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The pages, rendered from the Mustache templates in `Templates/` with HTML escaping: every
/// value is escaped, and no template uses the unescaped forms `{{{…}}}` or `{{&…}}` (a test
/// checks). The texts of the page come from `PageText` in the request's language, as `t`.
struct Pages: Sendable {
  let library: MustacheLibrary

  /// The templates shipped with the app.
  static func load() async throws -> Pages {
    guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw HTTPError(.internalServerError, message: "the page templates are missing")
    }
    return Pages(library: try await MustacheLibrary(directory: folder.path))
  }

  /// The page `template` for `values`, with the texts and the signed-in account.
  func render(_ template: String, _ values: [String: Any], context: WebContext) -> Response {
    var object = values
    object["t"] = PageText.catalog(context.language)
    object["lang"] = context.language.rawValue
    object["other_lang"] = context.language == .zh ? "en" : "zh"
    if let account = context.account {
      object["account"] = ["name": account.name, "org": account.org.rawValue, "role": account.role.rawValue]
    }
    if let session = context.session { object["csrf"] = session.csrfToken }
    let html = library.render(object, withTemplate: template) ?? ""
    return Response(
      status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }
}
