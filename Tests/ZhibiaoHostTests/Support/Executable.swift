import Foundation
import Testing
import ZhibiaoTestSupport

/// Runs the built `zhibiao` executable as a user would, in a fresh temporary folder.
struct Executable {
  /// The temporary folder the runs share, removed by `cleanUp` or when the last copy goes.
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  /// The folder the runs work in.
  var folder: URL { directory.url }

  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zhibiao")
  }

  /// Fails the calling test unless the executable has been built.
  static func requireBinary(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: binary.path),
      "build the executable first (swift build) — looked for \(binary.path)", sourceLocation: sourceLocation)
  }

  /// A path inside the folder.
  func path(_ name: String) -> String { directory.path(name) }

  /// The result of one run.
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `zhibiao` with `arguments`, with the repository's Config unless told otherwise, and
  /// `input` on its standard input.
  func run(_ arguments: [String], config: String = Repository.config.path, input: String? = nil) throws -> Run {
    try Self.requireBinary()
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments + ["--config", config]
    process.currentDirectoryURL = folder
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      errors: String(decoding: errData, as: UTF8.self))
  }

  func cleanUp() {
    directory.remove()
  }
}
