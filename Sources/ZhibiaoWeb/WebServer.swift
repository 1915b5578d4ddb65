import Foundation
import Hummingbird
import Logging
import ZhibiaoStore
import ZhibiaoWorkspace

/// The web app: `zhibiao serve` over the same workspace and store as the command line.
///
/// Every response — a page, an API answer, a 404 or an error — passes through the same two
/// middlewares: `RequestLog`, which gives each request an id and writes one JSON line when it
/// ends, and `SecurityHeaders`, which sets the headers every response carries and turns any error
/// into a generic answer that shows the request id and keeps the details for the log.
public struct WebServer: Sendable {
  /// Where to listen.
  public var host: String
  /// The port; 0 asks the system for a free one.
  public var port: Int
  /// The configuration loaded once.
  public var workspace: Workspace
  /// The store figures are read from and written to.
  public var store: any Store

  /// A server for `workspace` and `store` on `host:port`.
  public init(host: String = "127.0.0.1", port: Int = 8080, workspace: Workspace, store: any Store) {
    self.host = host
    self.port = port
    self.workspace = workspace
    self.store = store
  }

  /// The routes, behind the middlewares every response passes through.
  public func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLog())
    router.add(middleware: SecurityHeaders())
    Health(workspace: workspace, store: store).add(to: router)
    return router
  }

  /// The application, logging through `logger`.
  public func application(logger: Logger) -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
      logger: logger)
  }

  /// Serves until SIGTERM or SIGINT, then lets requests in flight finish.
  public func run(logger: Logger) async throws {
    try await application(logger: logger).runService()
  }
}
