// `zhibiao serve` as an operator runs it: it answers /healthz on the port it is given, logs one
// JSON line per request, and stops cleanly on SIGTERM.

import Foundation
import Testing
import ZhibiaoTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("zhibiao serve")
struct ServeCommandTests {
  @Test("Serves /healthz, logs the request as JSON, and exits 0 on SIGTERM")
  func servesAndStops() async throws {
    try Executable.requireBinary()
    let run = try Executable()
    defer { run.cleanUp() }
    let port = try FreePort.find()
    let process = Process()
    process.executableURL = Executable.binary
    process.arguments = [
      "serve", "--port", "\(port)", "--db", run.path("web.sqlite"), "--config", Repository.config.path,
    ]
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    let url = try #require(URL(string: "http://127.0.0.1:\(port)/healthz"))
    var answer: (Data, HTTPURLResponse)?
    for _ in 0..<100 where answer == nil {
      if let (data, response) = try? await URLSession.shared.data(from: url), let http = response as? HTTPURLResponse {
        answer = (data, http)
      } else {
        try await Task.sleep(for: .milliseconds(100))
      }
    }
    let (body, response) = try #require(answer, "the server did not answer on port \(port)")
    #expect(response.statusCode == 200)
    #expect(String(decoding: body, as: UTF8.self) == #"{"status":"ok"}"#)
    #expect(response.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff")

    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let lines = log.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
    }
    #expect(lines.contains { $0["path"] == "/healthz" && $0["status"] == "200" && $0["request_id"] != nil }, "\(log)")
  }
}

/// A TCP port nobody listens on now, found by binding to port 0.
enum FreePort {
  static func find() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
