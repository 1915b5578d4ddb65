import Foundation

/// A signed-in session as stored: the session id only as a SHA-256, never the id itself.
public struct SessionRecord: Hashable, Sendable {
  /// The SHA-256 of the session id, in hexadecimal.
  public var idHash: String
  /// The account signed in.
  public var account: String
  /// The token every form of the session must send back (CSRF).
  public var csrfToken: String
  /// When the session began.
  public var createdAt: Date
  /// When it was last used.
  public var lastSeenAt: Date
  /// The address it began from.
  public var address: String

  /// Creates a record.
  public init(idHash: String, account: String, csrfToken: String, createdAt: Date, lastSeenAt: Date, address: String) {
    self.idHash = idHash
    self.account = account
    self.csrfToken = csrfToken
    self.createdAt = createdAt
    self.lastSeenAt = lastSeenAt
    self.address = address
  }
}

/// Where sessions and failed sign-ins are kept: in the store, so that every instance of the web
/// app sees the same sessions and the same throttling.
public protocol SessionStore: Sendable {
  /// Adds a session.
  func addSession(_ session: SessionRecord) async throws
  /// The session with this id hash, if there is one.
  func session(idHash: String) async throws -> SessionRecord?
  /// The session with this id hash and the account it signed in (nil when the account no
  /// longer exists), if there is such a session: what every signed-in request looks up, in one
  /// read where the store can join them.
  func sessionAndAccount(idHash: String) async throws -> (session: SessionRecord, account: AccountRecord?)?
  /// Records that the session was used at `time`.
  func touchSession(idHash: String, at time: Date) async throws
  /// Ends one session.
  func deleteSession(idHash: String) async throws
  /// Ends every session of an account (on disabling it or setting a new password).
  func deleteSessions(account: String) async throws
  /// Records a failed sign-in for `account` from `address`.
  func recordLoginFailure(account: String, address: String, at time: Date) async throws
  /// How many sign-ins failed since `time` for `account`, and from `address`.
  func loginFailures(account: String, address: String, since time: Date) async throws -> (account: Int, address: Int)
}

extension SessionStore where Self: AccountStore {
  /// The session, then its account, in two reads.
  public func sessionAndAccount(idHash: String) async throws -> (session: SessionRecord, account: AccountRecord?)? {
    guard let session = try await session(idHash: idHash) else { return nil }
    return (session, try await account(named: session.account))
  }
}
