import Foundation
import ZhibiaoKernel

/// One YAML document of the configuration (or an events file) read through a decoder, with every
/// problem of the file collected.
public enum ConfigDocument {
  /// The decoded value (nil when the file does not parse or decode) and every problem found.
  public static func decode<T>(
    _ data: Data, file: String, _ body: (NodeReader) -> T?
  ) -> (value: T?, diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    var value: T?
    do {
      if let root = try YAMLParser().parse(data, file: file) { value = body(NodeReader(root, log: log)) }
    } catch {
      log.report(error)
    }
    return (value, log.sorted)
  }

  /// The decoded value; every problem when there is an error.
  public static func require<T>(
    _ data: Data, file: String, _ body: (NodeReader) -> T?
  ) throws(ConfigurationErrors) -> T {
    let (value, diagnostics) = decode(data, file: file, body)
    guard let value, !diagnostics.contains(where: { $0.severity == .error }) else {
      throw ConfigurationErrors(diagnostics)
    }
    return value
  }
}
