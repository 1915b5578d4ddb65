import Foundation
import Hummingbird
import NIOCore
import ZhibiaoKernel
import ZhibiaoStore

/// What a request carries through the app besides itself: who is signed in (by session or by
/// bearer token), the session's CSRF token, the language of the pages, and the client's address.
public struct WebContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The account the request acts as, if any.
  public var account: AccountRecord?
  /// The session, when signed in through the browser (nil for a bearer token).
  public var session: SessionRecord?
  /// The language the pages speak (`LanguageChoice`).
  public var language: Language = .zh
  /// The client's address, as the server sees it.
  public let address: String

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    address = source.channel.remoteAddress?.ipAddress ?? "unknown"
  }

  /// Bodies larger than this are refused with 413: forms and imports are small.
  public var maxUploadSize: Int { 2 * 1024 * 1024 }
}
