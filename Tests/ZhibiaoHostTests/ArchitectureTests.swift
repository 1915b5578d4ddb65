import Foundation
import Testing
import ZhibiaoHost

/// The layering that Package.swift promises, checked in the sources themselves.
@Suite("Architecture")
struct ArchitectureTests {
  static let root = RepositoryConfig.root

  static func swiftFiles(under folder: String) throws -> [URL] {
    let base = root.appendingPathComponent(folder)
    let enumerator = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
  }

  @Test("No source file of the kernel or the YAML layer names a domain")
  func kernelNamesNoDomain() throws {
    let domains = DomainModules.all.map(\.domainID.rawValue)
    #expect(domains == ["digital", "tech", "finance", "logistics", "business"])
    for folder in ["Sources/ZhibiaoKernel", "Sources/ZhibiaoYAML"] {
      let files = try Self.swiftFiles(under: folder)
      #expect(!files.isEmpty)
      for file in files {
        let text = try String(contentsOf: file, encoding: .utf8).lowercased()
        for domain in domains {
          #expect(
            !text.contains(domain), "\(folder)/\(file.lastPathComponent) mentions the domain '\(domain)'")
        }
      }
    }
  }

  @Test("Each domain module imports the kernel and nothing of the project besides")
  func domainModulesImportTheKernelOnly() throws {
    for folder in ["Digital", "Tech", "Finance", "Logistics", "Business"] {
      let files = try Self.swiftFiles(under: "Plugins/\(folder)")
      #expect(!files.isEmpty, "Plugins/\(folder) has no sources")
      for file in files {
        let imports = try String(contentsOf: file, encoding: .utf8)
          .split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
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
    let declared = try PlanLoader.load(configDirectory: RepositoryConfig.directory).domains.map(\.id)
    for id in ids {
      #expect(declared.contains(id), "the '\(id)' module extends a domain that no file in Config/domains declares")
    }
  }
}
