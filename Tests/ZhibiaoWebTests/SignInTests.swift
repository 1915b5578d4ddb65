// Signing in and out, sessions and their limits, bearer tokens, CSRF, throttling, and the page
// texts and templates.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoWeb

/// A clock the tests move by hand.
final class TestClock: Sendable {
  private let now = Mutex(Date(timeIntervalSince1970: 1_764_000_000))
  func read() -> Date { now.withLock { $0 } }
  func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("Signing in")
struct SignInTests {
  let temporary: TemporaryStore
  let clock = TestClock()
  let password = "西湖龙井-2025-春"

  init() async throws {
    temporary = try TemporaryStore()
    let now = clock.read()
    try await temporary.store.addAccount(
      AccountRecord(
        name: "xihu.li", org: "district.xihu", role: .district, passwordHash: Passwords.hash(password),
        createdAt: now, updatedAt: now))
  }

  func application() async throws -> some ApplicationProtocol {
    let clock = self.clock
    let server = WebServer(
      port: 0, workspace: try HangzhouPlan.workspace(), store: temporary.store, clock: { clock.read() })
    return try await server.application(logger: Logger(label: "test"))
  }

  /// The form body of a sign-in.
  func form(_ name: String, _ password: String) -> ByteBuffer {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))
    let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
    return ByteBuffer(string: "name=\(encode(name))&password=\(encode(password))")
  }

  static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

  /// Signs in and returns the session cookie's value.
  func signIn(_ client: some TestClientProtocol, password: String? = nil) async throws -> String? {
    try await client.execute(
      uri: "/login", method: .post, headers: Self.formHeaders, body: form("xihu.li", password ?? self.password)
    ) { response in
      guard response.status == .seeOther, let cookie = response.headers[.setCookie] else { return nil }
      #expect(cookie.hasPrefix("__Host-zhibiao="))
      #expect(cookie.hasSuffix("; Path=/; Secure; HttpOnly; SameSite=Strict"))
      return String(cookie.dropFirst("__Host-zhibiao=".count).prefix { $0 != ";" })
    }
  }

  func cookie(_ id: String) -> HTTPFields { [.cookie: "__Host-zhibiao=\(id)"] }

  /// The CSRF token on the home page of the session `id`.
  func csrf(_ client: some TestClientProtocol, _ id: String) async throws -> String {
    try await client.execute(uri: "/", method: .get, headers: cookie(id)) { response in
      let page = String(buffer: response.body)
      guard let range = page.range(of: #"name="csrf" value=""#) else { return "" }
      return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
  }

  @Test("The right password starts a session; the home page names the account; sign-out ends it")
  func signInAndOut() async throws {
    try await application().test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .seeOther && response.headers[.location] == "/login")
      }
      let id = try #require(try await signIn(client))
      await #expect(try temporary.store.session(idHash: Tokens.hash(id))?.account == "xihu.li")
      try await client.execute(uri: "/", method: .get, headers: cookie(id)) { response in
        #expect(response.status == .ok)
        let page = String(buffer: response.body)
        #expect(page.contains(#"<span id="who">xihu.li · 西湖区 · 区县市</span>"#))
      }
      let token = try await csrf(client, id)
      #expect(token.count == 43)
      var headers = cookie(id)
      headers[.contentType] = "application/x-www-form-urlencoded"
      try await client.execute(
        uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(token)")
      ) { response in
        #expect(response.status == .seeOther && response.headers[.setCookie]?.contains("Max-Age=0") == true)
      }
      await #expect(try temporary.store.session(idHash: Tokens.hash(id)) == nil)
      try await client.execute(uri: "/", method: .get, headers: cookie(id)) { response in
        #expect(response.status == .seeOther)
      }
    }
  }

  @Test("A wrong password and an unknown name get the same answer, and no session")
  func wrongPassword() async throws {
    try await application().test(.router) { client in
      #expect(try await signIn(client, password: "not-the-password") == nil)
      for (name, pass) in [("xihu.li", "not-the-password"), ("nobody", "whatever-it-is")] {
        try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders, body: form(name, pass)) {
          response in
          #expect(response.status == .ok)
          #expect(String(buffer: response.body).contains("用户名或密码不正确"))
          #expect(response.headers[.setCookie] == nil)
        }
      }
    }
  }

  @Test("Five failures in 15 minutes turn the sixth attempt away with 429, even with the right password")
  func throttling() async throws {
    try await application().test(.router) { client in
      for _ in 0..<5 { #expect(try await signIn(client, password: "wrong-password") == nil) }
      try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders, body: form("xihu.li", password))
      {
        response in
        #expect(response.status == .tooManyRequests)
        #expect(response.headers[.setCookie] == nil)
      }
      clock.advance(15 * 60 + 1)
      #expect(try await signIn(client) != nil)
    }
  }

  @Test("A session ends after 30 idle minutes, and after 12 hours however busy")
  func limits() async throws {
    try await application().test(.router) { client in
      let idle = try #require(try await signIn(client))
      clock.advance(29 * 60)
      try await client.execute(uri: "/", method: .get, headers: cookie(idle)) { #expect($0.status == .ok) }
      clock.advance(31 * 60)
      try await client.execute(uri: "/", method: .get, headers: cookie(idle)) { #expect($0.status == .seeOther) }
      await #expect(try temporary.store.session(idHash: Tokens.hash(idle)) == nil)

      let busy = try #require(try await signIn(client))
      // 24 × 29 minutes is 11 h 36 min: still within the day's 12 hours.
      for _ in 0..<24 {
        clock.advance(29 * 60)
        try await client.execute(uri: "/", method: .get, headers: cookie(busy)) { #expect($0.status == .ok) }
      }
      clock.advance(29 * 60)
      try await client.execute(uri: "/", method: .get, headers: cookie(busy)) { #expect($0.status == .seeOther) }
    }
  }

  @Test("A session's last use is written at most once a minute, not on every request")
  func touchedOncePerMinute() async throws {
    try await application().test(.router) { client in
      let id = try #require(try await signIn(client))
      let signedIn = try #require(try await temporary.store.session(idHash: Tokens.hash(id))).lastSeenAt
      clock.advance(30)
      try await client.execute(uri: "/", method: .get, headers: cookie(id)) { #expect($0.status == .ok) }
      #expect(try await temporary.store.session(idHash: Tokens.hash(id))?.lastSeenAt == signedIn)
      clock.advance(31)
      try await client.execute(uri: "/", method: .get, headers: cookie(id)) { #expect($0.status == .ok) }
      #expect(try await temporary.store.session(idHash: Tokens.hash(id))?.lastSeenAt == clock.read())
    }
  }

  @Test("Signing in again gives a new session id and ends the one the browser carried")
  func newIDAtSignIn() async throws {
    try await application().test(.router) { client in
      let first = try #require(try await signIn(client))
      let second = try await client.execute(
        uri: "/login", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-zhibiao=\(first)"],
        body: form("xihu.li", password)
      ) { response in
        String((response.headers[.setCookie] ?? "").dropFirst("__Host-zhibiao=".count).prefix { $0 != ";" })
      }
      #expect(!second.isEmpty && second != first)
      await #expect(try temporary.store.session(idHash: Tokens.hash(first)) == nil)
    }
  }

  @Test("Disabling the account, or giving it a new password, ends its sessions")
  func disablingEndsSessions() async throws {
    try await application().test(.router) { client in
      let id = try #require(try await signIn(client))
      try await temporary.store.setDisabled(true, account: "xihu.li", at: clock.read())
      try await client.execute(uri: "/", method: .get, headers: cookie(id)) { #expect($0.status == .seeOther) }
      #expect(try await signIn(client) == nil)

      try await temporary.store.setDisabled(false, account: "xihu.li", at: clock.read())
      let again = try #require(try await signIn(client))
      try await temporary.store.setPasswordHash(Passwords.hash(password), account: "xihu.li", at: clock.read())
      try await client.execute(uri: "/", method: .get, headers: cookie(again)) { #expect($0.status == .seeOther) }
    }
  }

  @Test("A state-changing request without the session's CSRF token, or from another site, is refused")
  func csrf() async throws {
    try await application().test(.router) { client in
      let id = try #require(try await signIn(client))
      var headers = cookie(id)
      headers[.contentType] = "application/x-www-form-urlencoded"
      for body in ["", "csrf=wrong-token"] {
        try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: body)) {
          response in
          #expect(response.status == .forbidden)
        }
      }
      await #expect(try temporary.store.session(idHash: Tokens.hash(id)) != nil)
      let token = try await csrf(client, id)
      headers[.secFetchSite] = "cross-site"
      try await client.execute(
        uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(token)")
      ) { #expect($0.status == .forbidden) }
      try await client.execute(
        uri: "/login", method: .post, headers: [.secFetchSite: "cross-site"], body: form("xihu.li", password)
      ) { #expect($0.status == .forbidden) }
    }
  }

  @Test("A bearer token acts as its account on the API; a wrong or revoked one is 401")
  func bearer() async throws {
    let token = Tokens.generate()
    try await temporary.store.addToken(
      TokenRecord(name: "script", account: "xihu.li", hash: Tokens.hash(token), createdAt: clock.read()))
    try await application().test(.router) { client in
      try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
        response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == #"{"name":"xihu.li","org":"district.xihu","role":"district"}"#)
      }
      try await client.execute(uri: "/api/v1/me", method: .get) { #expect($0.status == .unauthorized) }
      try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer zb_wrong"]) {
        #expect($0.status == .unauthorized)
      }
      try await temporary.store.revokeToken(named: "script", at: clock.read())
      try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
        #expect($0.status == .unauthorized)
      }
    }
  }

  @Test("A name with markup is shown as text on the page")
  func escaping() async throws {
    try await application().test(.router) { client in
      try await client.execute(
        uri: "/login", method: .post, headers: Self.formHeaders, body: form("<script>alert(1)</script>", "x-y-z-w-v")
      ) { response in
        let page = String(buffer: response.body)
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      }
    }
  }

  @Test("The home page lists the district's own targets for the year, exact as the book states them")
  func homeTargets() async throws {
    let book = try HangzhouPlan.targetBook()
    let annual = try #require(book.target("digital.ict_revenue", "district.xihu", .year(2025))?.value)
    let q2 = try #require(book.target("digital.ict_revenue", "district.xihu", .quarter(2, of: 2025))?.value)
    let own = Set(book.entries(org: "district.xihu", year: 2025, quarterly: false).map(\.indicator.rawValue))
    try await application().test(.router) { client in
      let id = try #require(try await signIn(client))
      try await client.execute(uri: "/?year=2025", method: .get, headers: cookie(id)) { response in
        let page = String(buffer: response.body)
        let row = page.components(separatedBy: #"<tr data-indicator="digital.ict_revenue">"#).dropFirst().first ?? ""
        #expect(row.contains(#"<td class="annual num">\#(annual)</td>"#), "\(row.prefix(300))")
        #expect(row.contains(#"<td class="num">\#(q2)</td>"#))
        let listed = Set(
          page.components(separatedBy: #"data-indicator=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) })
        #expect(listed == own)
      }
      try await client.execute(uri: "/?year=2030", method: .get, headers: cookie(id)) {
        #expect($0.status == .badRequest)
      }
      try await client.execute(uri: "/?year=2024&lang=en", method: .get, headers: cookie(id)) { response in
        #expect(String(buffer: response.body).contains("<strong>2024</strong>"))
        #expect(String(buffer: response.body).contains("Annual target"))
      }
    }
  }

  @Test("?lang=en gives English and a cookie that keeps it on later pages, signed in too")
  func english() async throws {
    try await application().test(.router) { client in
      let kept = try await client.execute(uri: "/login?lang=en", method: .get) { response in
        let page = String(buffer: response.body)
        #expect(page.contains("<title>Sign in · Zhibiao") && page.contains(#"<html lang="en">"#))
        return response.headers[.setCookie]
      }
      #expect(kept == "__Host-zhibiao-lang=en; Path=/; Secure; HttpOnly; SameSite=Strict")
      try await client.execute(uri: "/login", method: .get) { response in
        #expect(String(buffer: response.body).contains(#"<html lang="zh">"#))
        #expect(response.headers[.setCookie] == nil)
      }
      let id = try #require(try await signIn(client))
      try await client.execute(
        uri: "/", method: .get, headers: [.cookie: "__Host-zhibiao=\(id); __Host-zhibiao-lang=en"]
      ) { response in
        #expect(String(buffer: response.body).contains(#"<span id="who">xihu.li · Xihu District · district</span>"#))
      }
    }
  }
}

@Suite("Page texts and templates")
struct PageTextTests {
  @Test("Both catalogs have the same keys, none empty")
  func catalogs() {
    #expect(Set(PageText.zh.keys) == Set(PageText.en.keys))
    #expect(PageText.zh.values.allSatisfy { !$0.isEmpty } && PageText.en.values.allSatisfy { !$0.isEmpty })
  }

  @Test("Every text a template uses is in the catalogs, and no template writes a value unescaped")
  func templates() throws {
    let folder = Repository.url("Sources/ZhibiaoWeb/Templates")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains("{{{") && !text.contains("{{&"), "\(file) writes a value unescaped")
      var rest = Substring(text)
      while let start = rest.range(of: "{{t.") {
        let key = rest[start.upperBound...].prefix { $0 != "}" }
        #expect(PageText.zh[String(key)] != nil, "\(file) uses t.\(key), which the catalogs lack")
        rest = rest[start.upperBound...]
      }
    }
  }
}
