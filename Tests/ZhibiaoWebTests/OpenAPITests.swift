// The committed OpenAPI document: served as it is, valid JSON of OpenAPI 3.1, and describing
// exactly the routes the router has under /api/v1.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoTestSupport

@testable import ZhibiaoWeb

@Suite("OpenAPI document")
struct OpenAPITests {
  @Test("Every /api/v1 route of the router is in the document, with its method, and nothing else is")
  func coversTheRouter() async throws {
    let store = try TemporaryStore()
    let server = WebServer(port: 0, workspace: try HangzhouPlan.workspace(), store: store.store)
    let routes = Set(
      try await server.router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path)" }
        .filter { $0.contains(" /api/v1/") })
    let text = try String(contentsOf: Repository.url("Sources/ZhibiaoWeb/OpenAPI/openapi.json"), encoding: .utf8)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: [String: Any]])
    let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
    #expect(!routes.isEmpty)
    #expect(described == routes)

    try await server.application(logger: Logger(label: "test")).test(.router) { client in
      try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == text)
      }
    }
  }
}
