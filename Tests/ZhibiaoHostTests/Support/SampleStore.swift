import Foundation
import ZhibiaoSQLite
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The sample observations and registers of `Config/sample/`, imported as `zhibiao demo` imports
/// them into one in-memory store, once for every suite that reads them.
enum SampleStore {
  /// Why the store could not be made.
  struct Unavailable: Error, CustomStringConvertible {
    let description: String
  }

  private static let made = Task<SQLiteStore, any Error> {
    guard let plan = HangzhouPlan.validation.plan else {
      throw Unavailable(description: "Config/ does not load:\n\(HangzhouPlan.listing)")
    }
    let store = try SQLiteStore.inMemory()
    let sample = Repository.config.appendingPathComponent("sample")
    _ = try await SampleImport.run(sample.appendingPathComponent("observations.csv"), plan, store)
    _ = try await SampleImport.run(sample.appendingPathComponent("registers.csv"), plan, store)
    return store
  }

  /// The same, with the target year's figures and register changes read after them, as `zhibiao
  /// demo` reads them for the final evaluation.
  private static let madeThroughTargetYear = Task<SQLiteStore, any Error> {
    guard let plan = HangzhouPlan.validation.plan else {
      throw Unavailable(description: "Config/ does not load:\n\(HangzhouPlan.listing)")
    }
    let store = try SQLiteStore.inMemory()
    let sample = Repository.config.appendingPathComponent("sample")
    for file in ["observations.csv", "registers.csv", "observations-2025.csv", "registers-2025.csv"] {
      _ = try await SampleImport.run(sample.appendingPathComponent(file), plan, store)
    }
    return store
  }

  /// The store, which the suites only read.
  static func store() async throws -> SQLiteStore {
    try await made.value
  }

  /// The store with the target year's figures too, which the suites only read.
  static func throughTargetYear() async throws -> SQLiteStore {
    try await madeThroughTargetYear.value
  }
}
