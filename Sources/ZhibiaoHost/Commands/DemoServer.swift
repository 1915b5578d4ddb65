import Dispatch
import Foundation
import Logging
import Synchronization
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWeb

/// `demo --serve`: the web app over the demo store, with one account per org, so that a newcomer
/// can sign in as a district, a bureau, the commission or an administrator within a minute.
enum DemoServer {
  /// One demo account: named after its org (the administrator `admin`), in the role its org
  /// plays.
  struct DemoAccount {
    var name: String
    var org: Org
    var role: Role
    var password: String
  }

  /// The accounts: every district and bureau, the commission, and an administrator; each with a
  /// fresh random password.
  static func accounts(for plan: Plan) -> [DemoAccount] {
    var accounts: [DemoAccount] = plan.orgs.compactMap { org in
      let role: Role? =
        org.id == plan.commission
        ? .commission : org.kind == .district ? .district : org.kind == .bureau ? .bureau : nil
      return role.map { DemoAccount(name: org.id.rawValue, org: org, role: $0, password: password()) }
    }
    if let commission = plan.org(plan.commission) {
      accounts.append(DemoAccount(name: "admin", org: commission, role: .admin, password: password()))
    }
    return accounts
  }

  /// 12 random characters: never a common password, and printed only on the terminal.
  static func password() -> String { String(Tokens.random().prefix(12)) }

  static func run(workspace: Workspace, store: any Store, port: Int, language: Language) async throws {
    let accounts = accounts(for: workspace.plan)
    // bcrypt takes a quarter of a second each: hash on every processor.
    let hashes = Mutex([String](repeating: "", count: accounts.count))
    DispatchQueue.concurrentPerform(iterations: accounts.count) { index in
      let hash = Passwords.hash(accounts[index].password)
      hashes.withLock { $0[index] = hash }
    }
    let now = Date()
    for (account, hash) in zip(accounts, hashes.withLock { $0 }) {
      try await store.addAccount(
        AccountRecord(
          name: account.name, org: account.org.id, role: account.role, passwordHash: hash, createdAt: now,
          updatedAt: now))
    }
    let zh = language == .zh
    let listing = Listing(
      columns: [
        .init(key: "name", heading: zh ? "用户名" : "name"), .init(key: "org", heading: zh ? "单位" : "org"),
        .init(key: "role", heading: zh ? "角色" : "role"), .init(key: "password", heading: zh ? "密码" : "password"),
      ],
      rows: accounts.map { [$0.name, $0.org.name.text(in: language), $0.role.name.text(in: language), $0.password] })
    print(zh ? "\n演示账号（仅限本机，密码只显示这一次）：" : "\nDemo accounts (this machine only; the passwords are shown once):")
    print(listing.render(.table), terminator: "")
    print(
      zh ? "网页服务：http://127.0.0.1:\(port)/login（Ctrl-C 停止）" : "Serving http://127.0.0.1:\(port)/login (Ctrl-C stops it)"
    )
    // The lines must reach a pipe now, not when the server stops.
    fflush(nil)
    try await WebServer(host: "127.0.0.1", port: port, workspace: workspace, store: store)
      .run(logger: JSONLogHandler.serviceLogger())
  }
}
