import Crypto
import Foundation

/// Bearer tokens for scripts and session ids: 32 random bytes, written `zb_` and 43 characters of base64url, kept
/// in the store only as the hexadecimal SHA-256 of the whole text.
public enum Tokens {
  /// A new token's text.
  public static func generate() -> String { "zb_" + random() }

  /// 32 random bytes from the system's generator, as 43 characters of base64url: a token's body,
  /// or a session id.
  public static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  /// What the store keeps of `token`.
  public static func hash(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
