import Foundation
import Testing

/// Compares text with a snapshot committed under `__Snapshots__/`. Set
/// `ZHIBIAO_RECORD_SNAPSHOTS=1` to re-record, then review the diff before committing.
func assertSnapshot(
  _ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
  let file = URL(fileURLWithPath: filePath)
  let folder = file.deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")
    .appendingPathComponent(file.deletingPathExtension().lastPathComponent)
  let snapshot = folder.appendingPathComponent("\(name).txt")
  let record = ProcessInfo.processInfo.environment["ZHIBIAO_RECORD_SNAPSHOTS"] == "1"
  guard !record, let expected = try? String(contentsOf: snapshot, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? text.write(to: snapshot, atomically: true, encoding: .utf8)
    Issue.record(
      "Recorded snapshot '\(name)' at \(snapshot.lastPathComponent); review it and run the tests again.",
      sourceLocation: sourceLocation)
    return
  }
  if expected != text {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
    let line = firstDifference?.offset ?? min(expectedLines.count, actualLines.count)
    Issue.record(
      """
      Snapshot '\(name)' differs at line \(line + 1):
        expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
        actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
      Re-record with ZHIBIAO_RECORD_SNAPSHOTS=1 swift test, and review the diff.
      """, sourceLocation: sourceLocation)
  }
}
