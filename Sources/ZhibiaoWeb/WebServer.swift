import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ZhibiaoStore
import ZhibiaoWorkspace

/// The web app: `zhibiao serve` over the same workspace and store as the command line.
///
/// Every request — a page, an API call, a 404 or an error — passes through the same middlewares:
/// `RequestLog`, which gives each request an id and writes one JSON line when it ends;
/// `SecurityHeaders`, which sets the headers every response carries and turns any error into a
/// generic answer that shows the request id and keeps the details for the log;
/// `LanguageChoice`, which picks the pages' language; `SessionAuthenticator`, which finds the account a session cookie or a bearer token acts as;
/// and `CSRFGuard`, which refuses state-changing requests from other sites.
public struct WebServer: Sendable {
  /// Where to listen.
  public var host: String
  /// The port; 0 asks the system for a free one.
  public var port: Int
  /// The configuration loaded once: the plan served unless the user picks another.
  public var workspace: Workspace
  /// The configuration's other plans, which a user can pick (`?plan=ID`, kept in a cookie).
  public var otherPlans: [Workspace]
  /// The store figures are read from and written to.
  public var store: any Store

  /// How long sessions live.
  public var limits: SessionLimits
  /// The time now; tests move it to see sessions expire.
  public var clock: @Sendable () -> Date
  /// How long monitoring and the assessment computed from the store are kept when no write of
  /// this app changes them (writes by the command line or another instance show after at most this).
  public var standingAge: TimeInterval

  /// A server for `workspace` and `store` on `host:port`.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, workspace: Workspace, store: any Store,
    limits: SessionLimits = SessionLimits(), clock: @escaping @Sendable () -> Date = Date.init,
    standingAge: TimeInterval = 1, otherPlans: [Workspace] = []
  ) {
    self.host = host
    self.port = port
    self.workspace = workspace
    self.otherPlans = otherPlans
    self.store = store
    self.limits = limits
    self.clock = clock
    self.standingAge = standingAge
  }

  /// The routes of the plan served first, behind the middlewares every request passes through:
  /// the request log, the security headers, who is signed in, and the CSRF guard.
  public func router() async throws -> Router<WebContext> { try await routerAndEvents(for: workspace).router }

  /// Every plan served, the first the one served unless the user picks another.
  var plans: [Workspace] { [workspace] + otherPlans }

  /// The answer to every request: the routes of the plan the request picks (`PlanChoice`).
  public func responder() async throws -> PlanChoice {
    var routes: [(id: String, responder: RouterResponder<WebContext>)] = []
    for plan in plans {
      routes.append((plan.plan.id.rawValue, try await routerAndEvents(for: plan).router.buildResponder()))
    }
    return PlanChoice(routes: routes)
  }

  /// The routes of `workspace`, and the live events their writes tell of.
  func routerAndEvents(for workspace: Workspace) async throws -> (router: Router<WebContext>, events: LiveEvents) {
    let choices = plans.map { PlanChoice.Item(id: $0.plan.id.rawValue, name: $0.plan.name) }
    let pages = try await Pages.load(plan: workspace.plan, choices: choices.count > 1 ? choices : [])
    let router = Router(context: WebContext.self)
    let standing = Standing(workspace: workspace, store: store, maximumAge: standingAge, clock: clock)
    let events = LiveEvents(standing: standing)
    router.add(middleware: RequestLog())
    router.add(middleware: SecurityHeaders())
    router.add(middleware: LanguageChoice())
    router.add(middleware: SessionAuthenticator(store: store, limits: limits, clock: clock))
    router.add(middleware: CSRFGuard())
    Health(store: store).add(to: router)
    try Assets.load().add(to: router)
    try OpenAPIDocument.load().add(to: router)
    SignIn(store: store, pages: pages, clock: clock).add(to: router)
    Home(workspace: workspace, pages: pages, standing: standing, clock: clock).add(to: router)
    DataEntry(workspace: workspace, store: store, pages: pages, events: events, standing: standing, clock: clock).add(
      to: router)
    ReviewQueue(workspace: workspace, store: store, pages: pages, events: events, standing: standing, clock: clock).add(
      to: router)
    Board(workspace: workspace, store: store, pages: pages, events: events, standing: standing, clock: clock).add(
      to: router)
    Upload(workspace: workspace, store: store, pages: pages, events: events, clock: clock).add(to: router)
    ChangeRequests(workspace: workspace, store: store, pages: pages, events: events, clock: clock).add(to: router)
    UserAdmin(workspace: workspace, store: store, pages: pages, clock: clock).add(to: router)
    RegisterPages(workspace: workspace, store: store, pages: pages, clock: clock).add(to: router)
    TaskPages(workspace: workspace, store: store, pages: pages, clock: clock).add(to: router)
    AssessmentEventPages(workspace: workspace, store: store, pages: pages, clock: clock).add(to: router)
    NoticePages(workspace: workspace, store: store, pages: pages, standing: standing, clock: clock).add(to: router)
    Documents(workspace: workspace, standing: standing).add(to: router)
    Downloads(workspace: workspace, store: store, standing: standing).add(to: router)
    TargetVersions(workspace: workspace, store: store, pages: pages, events: events, standing: standing, clock: clock)
      .add(to: router)
    events.add(to: router)
    FigurePages(workspace: workspace, store: store, pages: pages, standing: standing).add(to: router)
    let api = API(workspace: workspace, store: store, standing: standing)
    api.add(to: router)
    api.addStanding(to: router)
    APIWrites(workspace: workspace, store: store, events: events, clock: clock).add(to: router)
    return (router, events)
  }

  /// The application, logging through `logger`, with the service that tells its pages of the
  /// writes other instances make to a shared store.
  public func application(logger: Logger) async throws -> some ApplicationProtocol {
    var routes: [(id: String, responder: RouterResponder<WebContext>)] = []
    var services: [any Service] = []
    for plan in plans {
      let (router, events) = try await routerAndEvents(for: plan)
      routes.append((plan.plan.id.rawValue, router.buildResponder()))
      services.append(ChangesElsewhere(store: store, events: events))
    }
    return Application(
      responder: PlanChoice(routes: routes),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
      services: services, logger: logger)
  }

  /// Serves until SIGTERM or SIGINT, then lets requests in flight finish.
  public func run(logger: Logger) async throws {
    try await application(logger: logger).runService()
  }
}
