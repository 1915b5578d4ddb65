import Foundation
import HTTPTypes
import Hummingbird
import Logging

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

  /// The line `event` is written as: a JSON object and a newline.
  func line(for event: LogEvent) -> Data? {
    var object: [String: String] = [
      "time": Date().formatted(.iso8601), "level": event.level.rawValue, "message": "\(event.message)",
      "label": label,
    ]
    for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
      object[key] = "\(value)"
    }
    guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
    data.append(0x0A)
    return data
  }
}
