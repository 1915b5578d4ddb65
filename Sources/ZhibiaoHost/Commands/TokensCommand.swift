import ArgumentParser
import Foundation
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao tokens`: bearer tokens for scripts that call the JSON API.
struct TokensCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokens", abstract: "接口令牌 (bearer tokens for scripts).",
    subcommands: [Create.self, List.self, Revoke.self])

  /// `tokens create NAME --user USER`: prints the token once; the store keeps only its hash.
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "新建令牌，只显示一次 (create a token; it is shown once and kept only as a hash).")

    @Argument(help: "令牌名称 (what the token is for, e.g. nightly-import).")
    var name: String

    @Option(name: .long, help: "令牌代表的用户 (the account the token acts as).")
    var user: String

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard AccountRules.isValidName(name) else {
        throw ValidationError("令牌名称须为 1–64 个字母、数字、'.'、'_' 或 '-' (letters, digits, . _ -): '\(name)'")
      }
    }

    func run() async throws {
      let opened = try await store.open()
      guard let account = try await opened.account(named: user) else {
        throw CommandFailure.domain("没有用户 \(user)。", "There is no account '\(user)'.")
      }
      guard !account.disabled else {
        throw CommandFailure.domain("用户 \(user) 已停用。", "The account '\(user)' is disabled.")
      }
      let token = Tokens.generate()
      try await AccountFailure.mapping {
        try await opened.addToken(TokenRecord(name: name, account: user, hash: Tokens.hash(token), createdAt: Date()))
      }
      print(token)
      StandardError.write(
        options.lang == .zh
          ? "令牌 \(name) 代表 \(user)；请妥善保存，它不会再显示。"
          : "The token \(name) acts as \(user); keep it safe, it will not be shown again.")
    }
  }

  /// `tokens list`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "列出令牌 (list the tokens, never their text).")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let zh = options.lang == .zh
      let tokens = try await store.open().tokens()
      let listing = Listing(
        columns: [
          .init(key: "name", heading: zh ? "名称" : "name"), .init(key: "user", heading: zh ? "用户" : "user"),
          .init(key: "status", heading: zh ? "状态" : "status"),
        ],
        rows: tokens.map { token in
          [
            token.name, token.account,
            token.revokedAt == nil ? (zh ? "有效" : "valid") : (zh ? "已吊销" : "revoked"),
          ]
        })
      print(listing.render(.table), terminator: "")
    }
  }

  /// `tokens revoke NAME`.
  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "吊销令牌 (revoke a token).")

    @Argument(help: "令牌名称 (the token's name).")
    var name: String

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      try await AccountFailure.mapping { try await store.open().revokeToken(named: name, at: Date()) }
      print(options.lang == .zh ? "已吊销令牌 \(name)。" : "Revoked the token \(name).")
    }
  }
}
