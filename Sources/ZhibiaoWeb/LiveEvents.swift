import Foundation
import Hummingbird
import ServiceLifecycle
import Synchronization
import ZhibiaoKernel
import ZhibiaoStore

/// A change of the figures' state that open pages should learn of: a submission, a review or a
/// lock of one org's quarter, or a year's targets issued (of every org, `*`).
struct FigureEvent: Sendable, Hashable {
  enum Kind: String, Sendable { case submit, review, lock, targets }

  /// The org of a change that concerns every org.
  static let everyOrg: OrgID = "*"
  var kind: Kind
  var org: OrgID
  /// The quarter (an annual figure's change is told as its year's fourth quarter).
  var period: Period

  init(_ kind: Kind, org: OrgID, period: Period) {
    self.kind = kind
    self.org = org
    self.period = period.quarter == nil ? .quarter(4, of: period.year) : period
  }

  /// Whether an account of `org` in `role` learns of it: the commission, administrators and
  /// bureaus of every change, a district of its own org's, a viewer of locks; everyone of a
  /// change of every org.
  func isVisible(to account: AccountRecord) -> Bool {
    guard org != Self.everyOrg else { return true }
    return switch account.role {
    case .commission, .admin, .bureau: true
    case .district: org == account.org
    case .viewer: kind == .lock
    }
  }

  /// The event as server-sent events write it.
  var message: String {
    #"event: change"# + "\n" + #"data: {"kind":"\#(kind.rawValue)","org":"\#(org)","period":"\#(period)"}"# + "\n\n"
  }
}

/// The live updates of open pages (`GET /events`, server-sent events): every write of the app
/// publishes what changed, and each open page hears the changes its account may learn of.
///
/// A page marked `data-live="refresh"` (the board) fetches itself again and replaces its content;
/// a page with a form (`data-live="notice"`) shows a notice instead, so that nothing typed is lost.
/// A comment line every 20 seconds keeps proxies from closing the stream and lets the server find
/// a browser that has gone; graceful shutdown ends every stream.
final class LiveEvents: Sendable {
  private struct Subscriber {
    var account: AccountRecord
    var continuation: AsyncStream<String>.Continuation
  }

  private let subscribers = Mutex<[UUID: Subscriber]>([:])
  let heartbeat: Duration
  /// The computed standing, which every change makes stale.
  let standing: Standing?

  init(standing: Standing? = nil, heartbeat: Duration = .seconds(20)) {
    self.standing = standing
    self.heartbeat = heartbeat
  }

  /// How many pages listen now.
  var count: Int { subscribers.withLock { $0.count } }

  /// Tells every listening page that may learn of `event`.
  func publish(_ event: FigureEvent) { publish([event]) }

  /// Tells of every distinct org and quarter among `changes`.
  func publish(_ kind: FigureEvent.Kind, _ changes: [(org: OrgID, period: Period)]) {
    publish(Set(changes.map { FigureEvent(kind, org: $0.org, period: $0.period) }))
  }

  /// Tells every listening page of the events among `events` it may learn of; the standing is
  /// made stale once for them all, since one write made them.
  private func publish(_ events: some Collection<FigureEvent>) {
    guard !events.isEmpty else { return }
    standing?.changed()
    for event in events {
      let message = event.message
      subscribers.withLock { subscribers in
        for subscriber in subscribers.values where event.isVisible(to: subscriber.account) {
          subscriber.continuation.yield(message)
        }
      }
    }
  }

  /// The messages for `account`'s page, heartbeats included, until the page goes away.
  func subscribe(_ account: AccountRecord) -> AsyncStream<String> {
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
    let beat = heartbeat
    let pinger = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: beat)
        continuation.yield(": heartbeat\n\n")
      }
    }
    continuation.onTermination = { [weak self] _ in
      pinger.cancel()
      _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
    }
    subscribers.withLock { $0[id] = Subscriber(account: account, continuation: continuation) }
    return stream
  }

  func add(to router: Router<WebContext>) {
    router.get("/events") { _, context -> Response in
      guard let account = context.account else { throw HTTPError(.unauthorized) }
      let stream = self.subscribe(account)
      return Response(
        status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"],
        body: ResponseBody { writer in
          try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
          for try await message in stream.cancelOnGracefulShutdown() {
            try await writer.write(ByteBuffer(string: message))
          }
          try await writer.finish(nil)
        })
    }
  }
}

/// Tells this instance's open pages and computed standing of the writes other instances make to
/// a shared store (PostgreSQL's notifications), until the app shuts down.
struct ChangesElsewhere: Service {
  let store: any Store
  let events: LiveEvents

  func run() async throws {
    for await change in store.changesElsewhere().cancelOnGracefulShutdown() {
      events.publish(change)
    }
    // A store that tells of nothing (SQLite) ends the stream at once: a service that returns
    // would stop the app, so this one waits for the app's own shutdown.
    try? await gracefulShutdown()
  }
}

extension LiveEvents {
  /// Tells of a write another instance made: each of its periods, or every page when it named none.
  func publish(_ change: StoreChange) {
    let kind: FigureEvent.Kind = change.isLock ? .lock : .submit
    guard let periods = change.periods else {
      publish(FigureEvent(kind, org: FigureEvent.everyOrg, period: .quarter(1, of: 2000)))
      return
    }
    publish(kind, periods.map { ($0.org, $0.period) })
  }
}
