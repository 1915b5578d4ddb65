import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoStore
import ZhibiaoWorkspace

/// `GET /healthz`: 200 when the store answers, for a load balancer or a supervisor; 503 when it
/// does not. Says nothing else about the deployment.
struct Health: Sendable {
  let store: any Store

  func add(to router: Router<WebContext>) {
    router.get("/healthz") { _, _ -> Response in
      guard await (try? store.schemaVersion()) != nil else {
        return JSONBody.response(status: .serviceUnavailable, ["status": "unavailable"])
      }
      return JSONBody.response(status: .ok, ["status": "ok"])
    }
  }
}

/// Small JSON bodies, read and written without a `Codable` type for each.
enum JSONBody {
  /// A response with `object` as a JSON body, keys sorted.
  static func response(status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// A request body that must be one JSON object; 400 otherwise.
  static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
      throw HTTPError(.badRequest, message: "the body must be a JSON object")
    }
    return object
  }
}
