import ZhibiaoPlan

/// How a document cites the issued target version it was computed against: the version, the
/// document that issued it, its date and the SHA-256 of its content.
public struct TargetCitation: Hashable, Sendable, Codable {
  /// The year whose targets the version holds.
  public var year: Int
  /// The version's number in the plan.
  public var version: Int
  /// The document number, e.g. 杭服领〔2025〕1号.
  public var document: String
  /// The document's date, `YYYY-MM-DD`.
  public var issuedOn: String
  /// The SHA-256 of the version's canonical content, lowercase hex.
  public var hash: String
  /// Whether the version adjusts an earlier one of its year.
  public var isAdjustment: Bool

  /// Creates a citation.
  public init(year: Int, version: Int, document: String, issuedOn: String, hash: String, isAdjustment: Bool) {
    self.year = year
    self.version = version
    self.document = document
    self.issuedOn = issuedOn
    self.hash = hash
    self.isAdjustment = isAdjustment
  }

  enum CodingKeys: String, CodingKey {
    case year, version, document
    case issuedOn = "issued_on"
    case hash = "sha256"
    case isAdjustment = "adjusted"
  }

  /// One sentence: version, document, date and the hash's first 12 digits.
  public var text: LocalizedText {
    let short = String(hash.prefix(12))
    return LocalizedText(
      zh: "\(year) 年目标依据：第\(version)版《\(document)》（\(issuedOn)下达\(isAdjustment ? "，调整" : "")，SHA-256 \(short)）",
      en: "\(year) targets as issued: version \(version), \(document) (\(issuedOn)\(isAdjustment ? ", adjusted" : ""), "
        + "SHA-256 \(short))")
  }

  /// What a document says when a year's targets were never issued: they are the configuration's.
  public static func unissued(_ year: Int) -> LocalizedText {
    LocalizedText(
      zh: "\(year) 年目标尚未下达，按当前配置分解。", en: "The \(year) targets have not been issued; they are the configuration's.")
  }
}
