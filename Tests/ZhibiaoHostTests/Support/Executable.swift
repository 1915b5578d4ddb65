import Foundation
import Testing

/// Runs the built `zhibiao` executable as a user would, in a fresh temporary folder.
struct Executable {
  /// The temporary folder the runs share (removed by `cleanUp`).
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zhibiao")
  }

  /// A path inside the folder.
  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// The result of one run.
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `zhibiao` with `arguments`, with the repository's Config.
  func run(_ arguments: [String], config: String = RepositoryConfig.directory.path) throws -> Run {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.binary.path),
      "build the executable first (swift build) — looked for \(Self.binary.path)")
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments + ["--config", config]
    process.currentDirectoryURL = folder
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      errors: String(decoding: errData, as: UTF8.self))
  }

  func cleanUp() {
    try? FileManager.default.removeItem(at: folder)
  }
}
