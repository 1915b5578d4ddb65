import Foundation
import ZhibiaoKernel
import ZhibiaoReport

/// The report's layout (`report.yaml`): what the title calls the subject, and where each
/// district sits on the tile map.
public struct ReportLayout: Sendable {
  /// The file, relative to the configuration folder.
  public static let file = "report.yaml"

  /// The subject of the report's title, e.g. 杭州市生产性服务业.
  public var subject: LocalizedText?
  /// The tile positions.
  public var tiles: [OrgID: ReportInputs.TilePosition] = [:]
  /// Where the plan evaluation's categories divide.
  public var evaluation = PlanEvaluation.Bands()

  /// The layout, or an empty one when there is no file; every problem is reported to `log` at
  /// its line.
  public static func decode(_ reader: NodeReader, plan: Plan) -> ReportLayout {
    var layout = ReportLayout()
    guard let root = reader.mapping() else { return layout }
    root.allowOnly(["subject", "tiles", "evaluation"], in: "the report layout")
    if let subject = root.optional("subject")?.mapping() {
      subject.allowOnly(["zh", "en"], in: "the report's subject")
      if let zh = subject.required("zh", in: "the report's subject")?.string(),
        let en = subject.required("en", in: "the report's subject")?.string()
      {
        layout.subject = LocalizedText(zh: zh, en: en)
      }
    }
    layout.tiles = tiles(root.optional("tiles"), plan: plan)
    if let evaluation = root.optional("evaluation")?.mapping() {
      evaluation.allowOnly(["basically_completed"], in: "the evaluation's categories")
      if let band = evaluation.required("basically_completed", in: "the evaluation's categories") {
        if let value = band.decimal(), value > 0, value < 1 {
          layout.evaluation.basicallyCompleted = value
        } else {
          band.error("basically_completed is a share between 0 and 1, e.g. 0.90 for 90%.")
        }
      }
    }
    return layout
  }

  /// Where each district sits: `district.id: [row, column]`, each on a tile of its own.
  static func tiles(_ reader: NodeReader?, plan: Plan) -> [OrgID: ReportInputs.TilePosition] {
    guard let tiles = reader?.mapping() else { return [:] }
    let reader = tiles.reader
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
}
