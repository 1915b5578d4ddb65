import Foundation
import Testing
import ZhibiaoHost
import ZhibiaoTestSupport

/// The layering that Package.swift promises, checked in the sources themselves.
@Suite("Architecture")
struct ArchitectureTests {
  /// The domain ids of the host's one list of modules.
  static let domains = DomainModules.all.map(\.domainID.rawValue)

  /// The modules a file imports.
  static func imports(of file: URL) throws -> [String] {
    try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
      .filter { $0.hasPrefix("import ") || $0.hasPrefix("@testable import ") }
      .map { String($0.split(separator: " ").last ?? "") }
  }

  @Test("The host's list of modules names the plan's domains in the plan's order")
  func modulesAreThePlansDomains() throws {
    #expect(try HangzhouPlan.plan().domains.map(\.id.rawValue) == Self.domains)
  }

  @Test("No source file of the kernel or the YAML layer names a domain")
  func kernelNamesNoDomain() throws {
    #expect(!Self.domains.isEmpty)
    for folder in [
      "Sources/ZhibiaoYAML", "Sources/ZhibiaoPlan", "Sources/ZhibiaoTargets", "Sources/ZhibiaoObservations",
      "Sources/ZhibiaoMonitoring", "Sources/ZhibiaoScoring", "Sources/ZhibiaoAssessment", "Sources/ZhibiaoKernel",
    ] {
      let files = Repository.swiftFiles(under: folder)
      #expect(!files.isEmpty)
      for file in files {
        let text = try String(contentsOf: file, encoding: .utf8).lowercased()
        for domain in Self.domains {
          #expect(
            !text.contains(domain), "\(folder)/\(file.lastPathComponent) mentions the domain '\(domain)'")
        }
      }
    }
  }

  @Test("Each domain module has its folder under Plugins/, and imports the kernel and nothing of the project besides")
  func domainModulesImportTheKernelOnly() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.url("Plugins").path)
      .filter { !$0.hasPrefix(".") }
    #expect(Set(folders.map { $0.lowercased() }) == Set(Self.domains), "Plugins/ holds \(folders.sorted())")
    for folder in folders {
      let files = Repository.swiftFiles(under: "Plugins/\(folder)")
      #expect(!files.isEmpty, "Plugins/\(folder) has no sources")
      for file in files {
        let imports = try Self.imports(of: file)
        #expect(
          Set(imports).isSubset(of: ["ZhibiaoKernel", "Foundation"]),
          "Plugins/\(folder)/\(file.lastPathComponent) imports \(imports)")
        #expect(imports.contains("ZhibiaoKernel"))
      }
    }
  }

  @Test("Every domain module is listed once and extends a domain that Config/domains declares")
  func everyModuleHasItsConfig() throws {
    let ids = DomainModules.all.map(\.domainID)
    #expect(Set(ids).count == ids.count)
    let declared = try HangzhouPlan.plan().domains.map(\.id)
    for id in ids {
      #expect(declared.contains(id), "the '\(id)' module extends a domain that no file in Config/domains declares")
    }
  }

  @Test("The kernel's tests do not load the repository's plan: they import no host and no domain module")
  func kernelTestsStayInTheKernel() throws {
    let files = Repository.swiftFiles(under: "Tests/ZhibiaoKernelTests")
    #expect(!files.isEmpty)
    let allowed: Set = ["Foundation", "Testing", "ZhibiaoKernel", "ZhibiaoTestSupport", "PropertyBased"]
    for file in files {
      let imports = try Self.imports(of: file)
      #expect(Set(imports).isSubset(of: allowed), "\(file.lastPathComponent) imports \(imports)")
      let text = try String(contentsOf: file, encoding: .utf8)
      for name in ["HangzhouPlan", "Repository.", "SampleStore"] {
        #expect(!text.contains(name), "\(file.lastPathComponent) uses \(name)")
      }
    }
  }
}
