// The web app's frame: /healthz, the headers every response carries (errors and 404 included),
// the request id in the header, the body and the log, and the generic error answers.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoWeb

@Suite("Web server frame")
struct ServerTests {
  let store: TemporaryStore
  let server: WebServer

  init() throws {
    store = try TemporaryStore()
    server = WebServer(host: "127.0.0.1", port: 0, workspace: try HangzhouPlan.workspace(), store: store.store)
  }

  func application() async throws -> some ApplicationProtocol {
    try await server.application(logger: Logger(label: "test"))
  }

  /// Every header `SecurityHeaders` promises, with its value.
  func expectSecurityHeaders(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
    for (name, value) in SecurityHeaders.headers {
      #expect(response.headers[name] == value, "\(name)", sourceLocation: sourceLocation)
    }
    let id = response.headers[.requestID] ?? ""
    #expect(id.count == 16 && id.allSatisfy(\.isHexDigit), "request id '\(id)'", sourceLocation: sourceLocation)
  }

  @Test("/healthz answers 200 with the security headers and a request id")
  func health() async throws {
    try await application().test(.router) { client in
      try await client.execute(uri: "/healthz", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        expectSecurityHeaders(response)
      }
    }
  }

  @Test("An unknown path is a 404 that carries the same headers and names its request id")
  func notFound() async throws {
    try await application().test(.router) { client in
      try await client.execute(uri: "/no/such/page", method: .get) { response in
        #expect(response.status == .notFound)
        expectSecurityHeaders(response)
        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
        #expect(body?["request_id"] == response.headers[.requestID])
        #expect(body?["error"] == "Not Found")
      }
      try await client.execute(uri: "/no/such/page", method: .get, headers: [.accept: "text/html"]) { response in
        #expect(response.status == .notFound)
        expectSecurityHeaders(response)
        let page = String(buffer: response.body)
        #expect(page.contains("404 页面不存在"))
        #expect(page.contains(response.headers[.requestID] ?? "missing"))
      }
    }
  }

  @Test("Request ids differ from request to request")
  func distinctIDs() async throws {
    try await application().test(.router) { client in
      var ids: Set<String> = []
      for _ in 0..<20 {
        try await client.execute(uri: "/healthz", method: .get) { response in
          ids.insert(response.headers[.requestID] ?? "")
        }
      }
      #expect(ids.count == 20)
    }
  }

  @Test("An error inside a handler gives a generic 500 with the headers; its text stays in the log")
  func handlerError() async throws {
    struct Secret: Error {}
    let router = try await server.router()
    router.get("/fails") { _, _ -> String in throw Secret() }
    let app = Application(router: router, logger: Logger(label: "test"))
    try await app.test(.router) { client in
      try await client.execute(uri: "/fails", method: .get) { response in
        #expect(response.status == .internalServerError)
        expectSecurityHeaders(response)
        #expect(!String(buffer: response.body).contains("Secret"))
      }
    }
  }

  @Test("The log handler writes one JSON object per line, with the metadata")
  func jsonLog() throws {
    var handler = JSONLogHandler(label: "zhibiao")
    handler[metadataKey: "request_id"] = "00ff00ff00ff00ff"
    let event = LogEvent(
      level: .info, message: "request",
      metadata: ["status": "200", "note": "a \"quoted\"\nline", "path": "/西湖\t\u{01}\\"],
      source: "ZhibiaoWeb", file: #fileID, function: #function, line: #line)
    let line = try #require(handler.line(for: event))
    #expect(line.last == 0x0A)
    #expect(line.dropLast().contains(0x0A) == false)
    let object = try #require(try JSONSerialization.jsonObject(with: line.dropLast()) as? [String: String])
    #expect(object["request_id"] == "00ff00ff00ff00ff")
    #expect(object["status"] == "200")
    #expect(object["note"] == "a \"quoted\"\nline")
    #expect(object["path"] == "/西湖\t\u{01}\\")
    // Keys in order, so that lines read alike.
    let text = String(decoding: line, as: UTF8.self)
    let keys = ["label", "level", "message", "note", "path", "request_id", "status", "time"]
    let positions = keys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted())
    #expect(object["level"] == "info" && object["message"] == "request" && object["label"] == "zhibiao")
  }
}
