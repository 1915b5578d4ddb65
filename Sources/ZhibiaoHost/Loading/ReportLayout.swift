import Foundation
import ZhibiaoKernel
import ZhibiaoReport

/// The report's layout (`report.yaml`): where each district sits on the tile map.
enum ReportLayout {
  static let file = "report.yaml"

  /// The tile positions, or an empty layout when there is no file; every problem is reported to
  /// `log` at its line.
  static func decode(_ reader: NodeReader, plan: Plan) -> [OrgID: ReportInputs.TilePosition] {
    guard let root = reader.mapping() else { return [:] }
    root.allowOnly(["tiles"], in: "the report layout")
    guard let tiles = root.optional("tiles")?.mapping() else { return [:] }
    let districts = plan.districts.map(\.id.rawValue)
    var positions = [OrgID: ReportInputs.TilePosition]()
    var taken = [ReportInputs.TilePosition: String]()
    for entry in tiles.entries {
      let value = NodeReader(entry.value, keyPath: "tiles.\(entry.key)", log: reader.log)
      guard districts.contains(entry.key) else {
        reader.log.error(
          "'\(entry.key)' is not a district of the plan.", at: entry.keyLocation, keyPath: "tiles.\(entry.key)",
          hint: Suggestion.hint(for: entry.key, among: districts))
        continue
      }
      guard let pair = value.sequence(), pair.count == 2, let row = pair[0].int(), let column = pair[1].int(),
        row >= 0, column >= 0
      else {
        value.error("A tile is written [row, column], two whole numbers from 0.")
        continue
      }
      let position = ReportInputs.TilePosition(row: row, column: column)
      if let other = taken[position] {
        value.error("'\(entry.key)' takes the tile [\(row), \(column)] that '\(other)' already has.")
        continue
      }
      taken[position] = entry.key
      positions[OrgID(entry.key)] = position
    }
    return positions
  }

  /// The layout from the configuration folder; a broken file is reported and refused.
  static func load(configPath: String, plan: Plan) throws -> [OrgID: ReportInputs.TilePosition] {
    let source = DirectoryConfigSource(path: configPath)
    guard let data = try source.contents(of: file) else { return [:] }
    return try AssessmentFiles.decode(data, file: source.displayName(of: file)) { decode($0, plan: plan) }
  }

  /// The layout's problems, for `validate`.
  static func diagnostics(source: any ConfigSource, plan: Plan) -> [Diagnostic] {
    guard let data = try? source.contents(of: file) else { return [] }
    let log = DiagnosticLog()
    do {
      if let root = try YAMLParser().parse(data, file: source.displayName(of: file)) {
        _ = decode(NodeReader(root, log: log), plan: plan)
      }
    } catch {
      log.report(error)
    }
    return log.diagnostics
  }
}
