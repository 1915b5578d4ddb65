import ArgumentParser
import Foundation
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao users`: the accounts of the web app, managed from the command line.
struct UsersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "users", abstract: "用户管理 (the web app's accounts).",
    subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self])

  /// `users add NAME --org ORG --role ROLE --password-stdin`.
  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "新增用户 (add an account; the password is read from standard input).")

    @Argument(help: "用户名 (the login name).")
    var name: String

    @Option(name: .long, help: "所属单位 (the org, by id or Chinese name).")
    var org: String

    @Option(name: .long, help: "角色 district|bureau|commission|admin|viewer (the role).")
    var role: Role

    @OptionGroup var password: PasswordOnStandardInput

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard AccountRules.isValidName(name) else {
        throw ValidationError("用户名须为 1–64 个字母、数字、'.'、'_' 或 '-' (letters, digits, . _ -): '\(name)'")
      }
    }

    func run() async throws {
      let plan = try CommandPlan.load(options)
      let org = try CommandPlan.org(self.org, in: plan)
      try AccountFit.check(role: role, org: org, plan: plan)
      let password = try PasswordInput.read(account: name)
      let now = Date()
      let record = AccountRecord(
        name: name, org: org.id, role: role, passwordHash: Passwords.hash(password), createdAt: now, updatedAt: now)
      try await AccountFailure.mapping { try await store.open().addAccount(record) }
      print(
        options.lang == .zh
          ? "已新增用户 \(name)（\(org.name.zh)，\(role.name.zh)）。"
          : "Added \(name) (\(org.name.en), \(role.name.en)).")
    }
  }

  /// `users list`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "列出用户 (list the accounts).")

    @Option(name: .long, help: "输出格式 table|json|csv|md.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let accounts = try await store.open().accounts()
      if format == .json {
        let rows = accounts.map { account -> [String: Any] in
          [
            "name": account.name, "org": account.org.rawValue, "role": account.role.rawValue,
            "disabled": account.disabled, "created_at": ISO8601DateFormatter().string(from: account.createdAt),
          ]
        }
        let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return
      }
      let zh = options.lang == .zh
      let listing = Listing(
        columns: [
          .init(key: "name", heading: zh ? "用户名" : "name"), .init(key: "org", heading: zh ? "单位" : "org"),
          .init(key: "role", heading: zh ? "角色" : "role"), .init(key: "disabled", heading: zh ? "状态" : "status"),
        ],
        rows: accounts.map { account in
          [
            account.name, account.org.rawValue, account.role.rawValue,
            account.disabled ? (zh ? "已停用" : "disabled") : (zh ? "正常" : "active"),
          ]
        })
      print(listing.render(format), terminator: "")
    }
  }

  /// `users disable NAME`.
  struct Disable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "停用用户 (disable an account: it can no longer sign in, its sessions end and its tokens stop working).")

    @OptionGroup var account: NamedAccount

    func run() async throws {
      try await account.setDisabled(true, said: ("已停用用户", "Disabled"))
    }
  }

  /// `users enable NAME`.
  struct Enable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "恢复用户 (enable a disabled account).")

    @OptionGroup var account: NamedAccount

    func run() async throws {
      try await account.setDisabled(false, said: ("已恢复用户", "Enabled"))
    }
  }

  /// The arguments of a command on one account.
  struct NamedAccount: ParsableArguments {
    @Argument(help: "用户名 (the login name).")
    var name: String

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    /// Disables or enables the account, and says so.
    func setDisabled(_ disabled: Bool, said: (zh: String, en: String)) async throws {
      try await AccountFailure.mapping { try await store.open().setDisabled(disabled, account: name, at: Date()) }
      print(options.lang == .zh ? "\(said.zh) \(name)。" : "\(said.en) \(name).")
    }
  }

  /// `users reset-password NAME --password-stdin`.
  struct ResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reset-password", abstract: "重设密码 (set a new password, read from standard input).")

    @Argument(help: "用户名 (the login name).")
    var name: String

    @OptionGroup var password: PasswordOnStandardInput

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let password = try PasswordInput.read(account: name)
      try await AccountFailure.mapping {
        try await store.open().setPasswordHash(Passwords.hash(password), account: name, at: Date())
      }
      print(options.lang == .zh ? "已重设 \(name) 的密码。" : "Set a new password for \(name).")
    }
  }
}

extension Role: ExpressibleByArgument {}

/// `--password-stdin`, which a command that sets a password requires: a password never goes on
/// the command line, where other users and the shell's history would see it.
struct PasswordOnStandardInput: ParsableArguments {
  @Flag(name: .long, help: "从标准输入读取密码 (read the password from standard input).")
  var passwordStdin = false

  func validate() throws {
    guard passwordStdin else {
      throw ValidationError("请用 --password-stdin 提供密码 (give the password on standard input).")
    }
  }
}

/// Login names: what may be typed on a sign-in form and in a log without quoting.
/// Which orgs a role fits, as the account rules say, as a command's failure.
enum AccountFit {
  static func check(role: Role, org: Org, plan: Plan) throws {
    if let misfit = AccountRules.misfit(role: role, org: org, plan: plan) {
      throw CommandFailure.domain(misfit.zh, misfit.en)
    }
  }
}

/// The password given on standard input: its first line, checked against the rules.
enum PasswordInput {
  static func read(account: String) throws -> String {
    guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
      throw CommandFailure.domain("标准输入中没有密码。", "No password on standard input.")
    }
    if let refusal = Passwords.refusal(of: line, account: account) {
      throw CommandFailure.domain(refusal.zh, refusal.en)
    }
    return line
  }
}

/// Account errors as one-sentence failures.
enum AccountFailure {
  static func mapping<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch AccountError.exists(let name) {
      throw CommandFailure.domain("\(name) 已存在。", "'\(name)' exists already.")
    } catch AccountError.unknown(let name) {
      throw CommandFailure.domain("没有 \(name)。", "There is no '\(name)'.")
    }
  }
}
