import Foundation
import Testing

@Suite("Monitoring: sources")
struct MonitoringSourceTests {
  @Test("No monitoring source of the kernel names a domain")
  func namesNoDomain() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Sources/ZhibiaoKernel/Monitoring")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).lowercased()
      for domain in ["digital", "tech", "finance", "logistics", "business"] {
        #expect(!text.contains(domain), "Monitoring/\(file) mentions '\(domain)'")
      }
    }
  }
}
