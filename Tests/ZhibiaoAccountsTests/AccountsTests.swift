// Password rules and hashing, tokens, and the account store on every backend.

import Foundation
import Testing
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@Suite("Passwords and tokens")
struct PasswordTests {
  @Test(
    "Short, overlong, common passwords and passwords containing the name are refused",
    arguments: [
      ("short", "wang", "at least 8"), (String(repeating: "长", count: 257), "wang", "at most 256"),
      ("Password1", "wang", "commonest"), ("WoAiNi1314", "wang", "commonest"),
      ("xx-Wang.Li-2025", "wang.li", "must not contain"),
    ])
  func refused(password: String, account: String, reason: String) throws {
    let refusal = try #require(Passwords.refusal(of: password, account: account))
    #expect(refusal.en.contains(reason))
    #expect(!refusal.zh.isEmpty)
  }

  @Test("A good password passes the rules")
  func accepted() {
    #expect(Passwords.refusal(of: "西湖龙井-2025-春", account: "xihu.li") == nil)
  }

  @Test("A hash verifies its password only, beyond bcrypt's 72 bytes too")
  func hashing() {
    // 26 Chinese characters are 78 bytes of UTF-8: the two differ only in the last one.
    let long = String(repeating: "指", count: 25)
    let hash = Passwords.hash(long + "标")
    #expect(hash.hasPrefix("$2b$12$"))
    #expect(Passwords.verify(long + "标", hash: hash))
    #expect(!Passwords.verify(long + "数", hash: hash))
    #expect(!Passwords.verify("", hash: hash))
  }

  @Test("Tokens are random, 46 characters, and kept as a 64-digit SHA-256")
  func tokens() {
    let a = Tokens.generate()
    let b = Tokens.generate()
    #expect(a != b)
    #expect(a.hasPrefix("zb_") && a.count == 46)
    #expect(a.dropFirst(3).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    let hash = Tokens.hash(a)
    #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit) && hash == Tokens.hash(a) && hash != Tokens.hash(b))
    // SHA-256 of "abc", from FIPS 180-2.
    #expect(Tokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}

@Suite("The account store")
final class AccountStoreTests {
  var store: (any Store)!
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  func open(_ backend: StoreBackend) async throws { store = try await backend.store() }

  func add(_ name: String, role: Role = .district, org: String = "district.xihu") async throws {
    try await store.addAccount(
      AccountRecord(
        name: name, org: OrgID(org), role: role, passwordHash: "$2b$12$hash", createdAt: now, updatedAt: now))
  }

  @Test(
    "Accounts are added once, listed by name, disabled and enabled, and their password replaced",
    arguments: StoreBackend.available)
  func accounts(_ backend: StoreBackend) async throws {
    try await open(backend)
    try await add("xihu.li")
    try await add("admin", role: .admin, org: "bureau.drc")
    await #expect(throws: AccountError.exists("admin")) { try await add("admin") }
    #expect(try await store.accounts().map(\.name) == ["admin", "xihu.li"])
    try await store.setDisabled(true, account: "xihu.li", at: now.addingTimeInterval(60))
    let disabled = try #require(try await store.account(named: "xihu.li"))
    #expect(disabled.disabled && disabled.updatedAt == now.addingTimeInterval(60) && disabled.createdAt == now)
    try await store.setPasswordHash("$2b$12$other", account: "xihu.li", at: now)
    #expect(try await store.account(named: "xihu.li")?.passwordHash == "$2b$12$other")
    await #expect(throws: AccountError.unknown("nobody")) {
      try await store.setDisabled(true, account: "nobody", at: now)
    }
    #expect(try await store.account(named: "nobody") == nil)
  }

  @Test(
    "A token finds its account while both are valid; revoked or disabled, it finds nothing",
    arguments: StoreBackend.available)
  func tokens(_ backend: StoreBackend) async throws {
    try await open(backend)
    try await add("script.owner", role: .bureau, org: "bureau.econ_info")
    let hash = Tokens.hash("zb_test")
    try await store.addToken(TokenRecord(name: "nightly", account: "script.owner", hash: hash, createdAt: now))
    await #expect(throws: AccountError.exists("nightly")) {
      try await store.addToken(
        TokenRecord(name: "nightly", account: "script.owner", hash: Tokens.hash("x"), createdAt: now))
    }
    await #expect(throws: AccountError.unknown("ghost")) {
      try await store.addToken(TokenRecord(name: "other", account: "ghost", hash: Tokens.hash("y"), createdAt: now))
    }
    #expect(try await store.account(forTokenHash: hash)?.name == "script.owner")
    #expect(try await store.account(forTokenHash: Tokens.hash("zb_wrong")) == nil)
    try await store.setDisabled(true, account: "script.owner", at: now)
    #expect(try await store.account(forTokenHash: hash) == nil)
    try await store.setDisabled(false, account: "script.owner", at: now)
    try await store.revokeToken(named: "nightly", at: now)
    #expect(try await store.account(forTokenHash: hash) == nil)
    #expect(try await store.tokens().first?.revokedAt == now)
    await #expect(throws: AccountError.unknown("none")) { try await store.revokeToken(named: "none", at: now) }
  }
}
