import Foundation
import Testing
import ZhibiaoTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `zhibiao serve` started as an operator starts it, on a free port, until `stop()`.
final class RunningServer {
  let process = Process()
  let port: Int
  private let errors = Pipe()

  /// Starts the server on `db` and waits until `/healthz` answers (at most 10 seconds).
  init(db: String) async throws {
    try Executable.requireBinary()
    port = try FreePort.find()
    process.executableURL = Executable.binary
    process.arguments = ["serve", "--port", "\(port)", "--db", db, "--config", Repository.config.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    for _ in 0..<100 {
      if let (_, response) = try? await URLSession.shared.data(from: url("/healthz")),
        (response as? HTTPURLResponse)?.statusCode == 200
      {
        return
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    stop()
    Issue.record("the server did not answer on port \(port)")
  }

  deinit { if process.isRunning { process.terminate() } }

  /// `http://127.0.0.1:PORT` and `path`.
  func url(_ path: String = "") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

  /// Sends SIGTERM and waits; returns what the server logged.
  @discardableResult
  func stop() -> String {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
    return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
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
