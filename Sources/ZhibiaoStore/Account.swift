import Foundation
import ZhibiaoKernel

/// What a user may do, besides reading: every user belongs to one org and acts in one role.
public enum Role: String, Sendable, CaseIterable, Codable {
  /// A district (区县市) reports its own figures.
  case district
  /// A bureau (牵头部门) reports the city figures it owns and reviews districts' figures of the
  /// indicators it owns.
  case bureau
  /// The commission (市发改委) locks periods, accepts change requests and runs the assessment.
  case commission
  /// Manages users; reads everything.
  case admin
  /// Reads what the rules allow; writes nothing.
  case viewer

  /// The role's name in both languages.
  public var name: LocalizedText {
    switch self {
    case .district: LocalizedText(zh: "区县市", en: "district")
    case .bureau: LocalizedText(zh: "牵头部门", en: "bureau")
    case .commission: LocalizedText(zh: "市发改委", en: "commission")
    case .admin: LocalizedText(zh: "系统管理员", en: "administrator")
    case .viewer: LocalizedText(zh: "只读用户", en: "viewer")
    }
  }
}

/// A user account as stored: the password only as a hash.
public struct AccountRecord: Hashable, Sendable {
  /// The login name, unique.
  public var name: String
  /// The org the user belongs to.
  public var org: OrgID
  /// The role the user acts in.
  public var role: Role
  /// The password's hash (bcrypt over a SHA-256 of the password).
  public var passwordHash: String
  /// Whether the account may no longer sign in or use its tokens.
  public var disabled: Bool
  /// When the account was created.
  public var createdAt: Date
  /// When it last changed (password, disabled).
  public var updatedAt: Date

  /// Creates a record.
  public init(
    name: String, org: OrgID, role: Role, passwordHash: String, disabled: Bool = false, createdAt: Date,
    updatedAt: Date
  ) {
    self.name = name
    self.org = org
    self.role = role
    self.passwordHash = passwordHash
    self.disabled = disabled
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}

/// A bearer token for scripts, as stored: the token itself only as a SHA-256.
public struct TokenRecord: Hashable, Sendable {
  /// The token's name, unique: what it is for ("nightly-import").
  public var name: String
  /// The account it acts as.
  public var account: String
  /// The SHA-256 of the token, in hexadecimal.
  public var hash: String
  /// When it was created.
  public var createdAt: Date
  /// When it was revoked; nil while it is valid.
  public var revokedAt: Date?

  /// Creates a record.
  public init(name: String, account: String, hash: String, createdAt: Date, revokedAt: Date? = nil) {
    self.name = name
    self.account = account
    self.hash = hash
    self.createdAt = createdAt
    self.revokedAt = revokedAt
  }
}

/// Where accounts and tokens are kept: the same store as the figures, so that a backup holds them
/// and every instance of the web app sees the same users.
public protocol AccountStore: Sendable {
  /// Adds an account; refuses a name that exists (`AccountError.exists`).
  func addAccount(_ account: AccountRecord) async throws
  /// Every account, by name.
  func accounts() async throws -> [AccountRecord]
  /// The account `name`, if there is one.
  func account(named name: String) async throws -> AccountRecord?
  /// Disables or enables an account, ending its sessions; `AccountError.unknown` when there is none.
  func setDisabled(_ disabled: Bool, account name: String, at time: Date) async throws
  /// Replaces an account's password hash, ending its sessions; `AccountError.unknown` when there is
  /// none.
  func setPasswordHash(_ hash: String, account name: String, at time: Date) async throws
  /// Adds a token; refuses a name that exists.
  func addToken(_ token: TokenRecord) async throws
  /// Every token, by name, revoked ones included.
  func tokens() async throws -> [TokenRecord]
  /// The valid token with this SHA-256 and the enabled account it acts as, if both are valid.
  func account(forTokenHash hash: String) async throws -> AccountRecord?
  /// Revokes a token by name; `AccountError.unknown` when there is none.
  func revokeToken(named name: String, at time: Date) async throws
}

/// Why an account or token request was refused.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An account or token of that name exists.
  case exists(String)
  /// No account or token of that name.
  case unknown(String)

  public var description: String {
    switch self {
    case .exists(let name): "'\(name)' exists already."
    case .unknown(let name): "There is no '\(name)'."
    }
  }
}
