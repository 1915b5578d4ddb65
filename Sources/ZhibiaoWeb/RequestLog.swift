import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Gives each request an id — in the log metadata of everything it logs and in the
/// `X-Request-Id` response header — and logs one line when it ends: method, path, status and
/// milliseconds taken. With `JSONLogHandler` each line is one JSON object.
struct RequestLog: RouterMiddleware {
  typealias Context = WebContext

  /// The metadata key of the request id.
  static let idKey = "request_id"

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    let id = Self.newID()
    context.logger[metadataKey: Self.idKey] = "\(id)"
    let started = ContinuousClock.now
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      // `SecurityHeaders` answers every error inside; this is the last resort if one escapes it.
      response = SecurityHeaders.errorResponse(error, request: request, context: context)
      SecurityHeaders.apply(to: &response)
    }
    response.headers[.requestID] = id
    let elapsed = ContinuousClock.now - started
    let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    context.logger.info(
      "request",
      metadata: [
        "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
        "ms": "\((milliseconds * 10).rounded() / 10)",
      ])
    return response
  }

  /// 16 random hexadecimal digits.
  static func newID() -> String {
    let value = UInt64.random(in: .min ... .max)
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// A log handler that writes each message as one JSON object on a line of standard error: time,
/// level, message, label and metadata. For a service whose logs a collector reads.
public struct JSONLogHandler: LogHandler {
  public var metadata: Logger.Metadata = [:]
  public var logLevel: Logger.Level = .info
  private let label: String

  /// A handler for the logger `label`.
  public init(label: String) { self.label = label }

  /// The logger of a serving process: every logger of the process writes JSON lines (set up
  /// once; the logging system allows no second set-up).
  public static func serviceLogger() -> Logger {
    bootstrap
    var logger = Logger(label: "zhibiao")
    logger.logLevel = .info
    return logger
  }

  private static let bootstrap: Void = LoggingSystem.bootstrap(JSONLogHandler.init)

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    guard let line = line(for: event) else { return }
    FileHandle.standardError.write(line)
  }

  /// The line `event` is written as: a JSON object, keys sorted, and a newline.
  ///
  /// Written by hand rather than through `JSONSerialization`: every request logs a line, and
  /// Foundation's serializer, which sorts keys by locale-aware comparison, cost a fifth of the
  /// server's time per request.
  func line(for event: LogEvent) -> Data? {
    var object: [String: String] = [
      "time": LogTime.now(), "level": event.level.rawValue, "message": "\(event.message)", "label": label,
    ]
    for (key, value) in metadata { object[key] = "\(value)" }
    for (key, value) in event.metadata ?? [:] { object[key] = "\(value)" }
    return JSONLine.encode(object)
  }
}

/// One JSON object of strings on one line: keys sorted, every value escaped as RFC 8259 asks, so
/// that no newline or quote in a value can end the line or the string early.
enum JSONLine {
  static func encode(_ object: [String: String]) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    bytes.append(UInt8(ascii: "{"))
    for (index, key) in object.keys.sorted().enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(key, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      append(object[key] ?? "", to: &bytes)
    }
    bytes.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
    return Data(bytes)
  }

  /// `text` as a JSON string: quoted, with quotes, backslashes and control characters escaped.
  static func append(_ text: String, to bytes: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

/// The time of a log line, in UTC to the second (`2025-04-01T08:30:00Z`, as ISO 8601 writes
/// it); the text is made once per second, not once per line.
enum LogTime {
  private static let last = Mutex<(second: Int, text: String)>((-1, ""))

  static func now() -> String {
    let second = Int(Date().timeIntervalSince1970.rounded(.down))
    if let text = last.withLock({ $0.second == second ? $0.text : nil }) { return text }
    let text = Date(timeIntervalSince1970: TimeInterval(second)).formatted(.iso8601)
    last.withLock { $0 = (second, text) }
    return text
  }
}
