import ArgumentParser
import ZhibiaoKernel

extension TextDecoding.Encoding {
  /// The encoding `--encoding` names, nil when it is not given (detect); a usage error for a name
  /// that is none of them.
  static func requested(_ name: String?) throws -> TextDecoding.Encoding? {
    guard let name else { return nil }
    guard let encoding = TextDecoding.Encoding(name: name) else {
      throw ValidationError("未知编码 unknown encoding '\(name)'; use utf-8 or gbk")
    }
    return encoding
  }
}
