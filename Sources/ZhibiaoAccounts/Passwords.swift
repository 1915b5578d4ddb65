import Crypto
import Foundation
import HummingbirdBcrypt

/// How passwords are chosen and kept.
///
/// A password has at least 8 characters and at most 256, is not one of the commonest passwords,
/// and does not contain the account's name. It is kept as bcrypt (cost 12) over the base64 of its
/// SHA-256: bcrypt reads only the first 72 bytes of what it is given, and a Chinese passphrase of
/// 25 characters is already 75 bytes in UTF-8, so every password is first hashed to 44 bytes.
public enum Passwords {
  /// The fewest characters a password may have.
  public static let minimumLength = 8
  /// The most characters a password may have (longer ones are refused, not cut).
  public static let maximumLength = 256
  /// The bcrypt cost.
  public static let cost: UInt8 = 12

  /// Why a password is refused, in both languages; nil when it may be used for `account`.
  public static func refusal(of password: String, account: String) -> (zh: String, en: String)? {
    if password.count < minimumLength {
      return ("密码至少 \(minimumLength) 个字符。", "A password has at least \(minimumLength) characters.")
    }
    if password.count > maximumLength {
      return ("密码至多 \(maximumLength) 个字符。", "A password has at most \(maximumLength) characters.")
    }
    let lowered = password.lowercased()
    if CommonPasswords.all.contains(lowered) {
      return ("这是最常见的密码之一，请换一个。", "This is one of the commonest passwords; choose another.")
    }
    if !account.isEmpty, lowered.contains(account.lowercased()) {
      return ("密码不能包含用户名。", "A password must not contain the account's name.")
    }
    return nil
  }

  /// The hash kept for `password`.
  public static func hash(_ password: String) -> String {
    Bcrypt.hash(prehash(password), cost: cost)
  }

  /// Whether `password` is the one `hash` was made from.
  public static func verify(_ password: String, hash: String) -> Bool {
    Bcrypt.verify(prehash(password), hash: hash)
  }

  /// The base64 of the SHA-256 of `password`'s UTF-8: 44 bytes, under bcrypt's limit of 72.
  static func prehash(_ password: String) -> String {
    Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
  }
}

/// The passwords tried first by anyone guessing: refused whatever the account.
enum CommonPasswords {
  static let all: Set<String> = [
    "12345678", "123456789", "1234567890", "11111111", "00000000", "88888888", "66666666", "12341234",
    "87654321", "11223344", "password", "password1", "password123", "passw0rd", "p@ssw0rd", "qwerty123",
    "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "abc12345", "abcd1234", "a1234567", "aa123456",
    "iloveyou", "admin123", "admin888", "administrator", "welcome1", "letmein1", "sunshine", "zhang123",
    "woaini1314", "woaini520", "5201314520", "asdfghjkl", "zxcvbnm123", "baseball", "football", "superman",
    "trustno1", "changeme", "computer", "internet", "zhibiao123", "hangzhou", "hangzhou123",
  ]
}
