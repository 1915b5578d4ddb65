/// A field of a CSV file this program writes: quoted by RFC 4180, and kept from running as a
/// formula when a spreadsheet opens the file.
public enum CSVField {
  /// The characters a spreadsheet reads as the start of a formula (OWASP, CSV injection).
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// `text` as a field: neutralised, then quoted when it holds a comma, quote or line break.
  public static func field(_ text: String) -> String {
    let safe = neutralised(text)
    guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
    return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `text` with a single quote in front when a spreadsheet would run it as a formula — it starts
  /// with `=`, `+`, `-`, `@`, a tab or a carriage return — so that it shows as the text it is.
  /// A number (`-12.5`, `+3`, `-0.4%`) stays a number.
  public static func neutralised(_ text: String) -> String {
    guard let first = text.first, formulaStarts.contains(first), !isSignedNumber(text) else { return text }
    return "'" + text
  }

  /// Whether `text` is a plain decimal with a sign: `-12.5`, `+3`, `-0.4%`.
  static func isSignedNumber(_ text: String) -> Bool {
    guard text.first == "-" || text.first == "+" else { return false }
    var body = text.dropFirst()
    if body.last == "%" { body = body.dropLast() }
    let digits = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).joined()
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }
}
