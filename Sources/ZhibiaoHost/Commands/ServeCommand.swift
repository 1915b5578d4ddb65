import ArgumentParser
import Foundation
import Logging
import ZhibiaoKernel
import ZhibiaoWeb

/// `zhibiao serve`: the web app on the workspace and store the other commands use.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "启动网页服务 (serve the web app).",
    discussion: """
      Listens on 127.0.0.1:8080 unless told otherwise; put it behind a reverse proxy that terminates TLS \
      (README shows nginx and Caddy). Logs one JSON line per request on standard error. SIGTERM or SIGINT \
      stops it after the requests in flight finish.
      """)

  @Option(name: .long, help: "监听地址 (the address to listen on).")
  var host = "127.0.0.1"

  @Option(name: .long, help: "端口 (the port; 0 for any free one).")
  var port = 8080

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port 须在 0–65535 之间 (a port number): \(port)") }
  }

  func run() async throws {
    let workspace = try CommandWorkspace.load(options)
    let store = try await self.store.openWaiting(language: options.lang)
    if try await store.accounts().isEmpty {
      StandardError.write(
        options.lang == .zh
          ? "还没有用户。先建一个管理员：echo '密码' | zhibiao users add admin --org \(workspace.plan.commission) --role admin --password-stdin"
          : "There are no accounts yet. Create the first administrator: echo 'PASSWORD' | zhibiao users add admin "
            + "--org \(workspace.plan.commission) --role admin --password-stdin")
    }
    let logger = JSONLogHandler.serviceLogger()
    let others = try otherPlans(besides: workspace)
    logger.info(
      "serving",
      metadata: [
        "address": "\(host):\(port)", "plan": "\(workspace.plan.id)",
        "other_plans": "\(others.map(\.plan.id.rawValue).joined(separator: ","))",
      ])
    try await WebServer(host: host, port: port, workspace: workspace, store: store, otherPlans: others)
      .run(logger: logger)
  }

  /// The configuration's other plans that load, for the app's plan picker; each that does not is
  /// named on standard error and left out.
  func otherPlans(besides served: Workspace) throws -> [Workspace] {
    let catalogue = try PlanCatalogue.load(options.config)
    return catalogue.plans.filter { $0.id != served.plan.id.rawValue }.compactMap { entry in
      do {
        return try Workspace(source: catalogue.source(for: entry.id))
      } catch {
        StandardError.write(
          options.lang == .zh
            ? "规划“\(entry.id)”的配置无效，未提供（zhibiao validate --plan \(entry.id) 查看原因）。"
            : "The plan '\(entry.id)' is not valid and is not served (zhibiao validate --plan \(entry.id) says why).")
        return nil
      }
    }
  }
}
