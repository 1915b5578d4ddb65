// `zhibiao demo --serve`: after the cycle the web app runs on the demo store, and every printed
// demo account signs in with its printed password.

import Foundation
import Testing
import ZhibiaoTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("zhibiao demo --serve")
struct DemoServeTests {
  @Test("Prints one account per org with its password; a district's account signs in; SIGTERM stops it")
  func demoServe() async throws {
    try Executable.requireBinary()
    let run = try Executable()
    defer { run.cleanUp() }
    let port = try FreePort.find()
    let process = Process()
    process.executableURL = Executable.binary
    process.arguments = [
      "demo", "--serve", "--port", "\(port)", "--out", run.path("demo"), "--lang", "en", "--config",
      Repository.config.path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    // Read until the server says where it listens (the cycle and the hashing come first).
    var text = ""
    while !text.contains("Serving http://127.0.0.1:\(port)/login") {
      let chunk = output.fileHandleForReading.availableData
      try #require(!chunk.isEmpty, "demo --serve ended early:\n\(text)")
      text += String(decoding: chunk, as: UTF8.self)
    }
    let accounts = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
      .filter {
        $0.count >= 4 && ["district", "bureau", "commission", "administrator"].contains(String($0[$0.count - 2]))
      }
    #expect(accounts.count == 19, "13 districts, 4 bureaus, the commission and an administrator:\n\(text)")
    let xihu = try #require(accounts.first { $0.first == "district.xihu" })
    let password = String(xihu[xihu.count - 1])
    #expect(password.count == 12)

    var answer: HTTPURLResponse?
    for _ in 0..<100 where answer == nil {
      var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/login")!)
      request.httpMethod = "POST"
      request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
      request.httpBody = Data("name=district.xihu&password=\(password)".utf8)
      if let (_, response) = try? await URLSession(
        configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil
      )
      .data(for: request) {
        answer = response as? HTTPURLResponse
      } else {
        try await Task.sleep(for: .milliseconds(100))
      }
    }
    let response = try #require(answer, "the server did not answer")
    #expect(response.statusCode == 303)
    #expect(response.value(forHTTPHeaderField: "Set-Cookie")?.hasPrefix("__Host-zhibiao=") == true)

    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
  }
}

/// Stops URLSession at a redirect, so that a test sees the 303 and its cookie.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
