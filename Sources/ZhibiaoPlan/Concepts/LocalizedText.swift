/// A name or text in Chinese (the working language) and English.
public struct LocalizedText: Hashable, Sendable, Codable {
  /// Simplified Chinese, as the plan writes it.
  public var zh: String
  /// English.
  public var en: String

  /// Creates a text in both languages.
  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// The text in `language`.
  public func text(in language: Language) -> String {
    switch language {
    case .zh: zh
    case .en: en
    }
  }
}

/// A user-facing language. Chinese comes first; English is available everywhere.
public enum Language: String, Sendable, CaseIterable, Codable {
  case zh, en
}
