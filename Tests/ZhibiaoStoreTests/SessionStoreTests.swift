import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// Sessions and failed sign-ins, which every instance of the web app shares through the store.
@Suite("Sessions in the store")
struct SessionStoreTests {
  static let account = AccountRecord(
    name: "xihu.li", org: Fixture.xihu, role: .district, passwordHash: "x", createdAt: Fixture.monday,
    updatedAt: Fixture.monday)

  func session(_ id: Character, lastSeen: Date = Fixture.monday) -> SessionRecord {
    SessionRecord(
      idHash: String(repeating: id, count: 64), account: "xihu.li", csrfToken: "csrf-\(id)", createdAt: Fixture.monday,
      lastSeenAt: lastSeen, address: "10.0.0.\(id)")
  }

  @Test(
    "A session is found by its id hash, touched, ended alone or with all of its account's",
    arguments: StoreBackend.available)
  func sessions(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    try await store.addAccount(Self.account)
    try await store.addSession(session("a"))
    try await store.addSession(session("b"))
    #expect(try await store.session(idHash: String(repeating: "a", count: 64)) == session("a"))
    try await store.touchSession(idHash: String(repeating: "a", count: 64), at: Fixture.wednesday)
    #expect(try await store.session(idHash: String(repeating: "a", count: 64))?.lastSeenAt == Fixture.wednesday)
    try await store.deleteSession(idHash: String(repeating: "a", count: 64))
    #expect(try await store.session(idHash: String(repeating: "a", count: 64)) == nil)
    #expect(try await store.session(idHash: String(repeating: "b", count: 64)) != nil)
    try await store.setPasswordHash("y", account: "xihu.li", at: Fixture.tuesday)
    #expect(try await store.session(idHash: String(repeating: "b", count: 64)) == nil)
  }

  @Test(
    "A session is read with its account in one call, as the two reads give them",
    arguments: StoreBackend.available)
  func sessionWithAccount(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    try await store.addAccount(Self.account)
    try await store.addSession(session("a", lastSeen: Fixture.tuesday))
    let found = try #require(try await store.sessionAndAccount(idHash: String(repeating: "a", count: 64)))
    #expect(found.session == session("a", lastSeen: Fixture.tuesday))
    #expect(found.account == Self.account)
    #expect(try await store.account(named: "xihu.li") == found.account)
    #expect(try await store.sessionAndAccount(idHash: String(repeating: "b", count: 64)) == nil)
    try await store.setDisabled(true, account: "xihu.li", at: Fixture.wednesday)
    #expect(try await store.sessionAndAccount(idHash: String(repeating: "a", count: 64)) == nil)
  }

  @Test("Failed sign-ins are counted per account and per address since a time", arguments: StoreBackend.available)
  func failures(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    for (account, address, time) in [
      ("xihu.li", "10.0.0.1", Fixture.monday), ("xihu.li", "10.0.0.2", Fixture.tuesday),
      ("other", "10.0.0.1", Fixture.tuesday), ("xihu.li", "10.0.0.1", Fixture.wednesday),
    ] {
      try await store.recordLoginFailure(account: account, address: address, at: time)
    }
    let since = try await store.loginFailures(account: "xihu.li", address: "10.0.0.1", since: Fixture.tuesday)
    #expect(since.account == 2 && since.address == 2)
    let all = try await store.loginFailures(account: "xihu.li", address: "10.0.0.1", since: Fixture.monday)
    #expect(all.account == 3 && all.address == 3)
  }
}
