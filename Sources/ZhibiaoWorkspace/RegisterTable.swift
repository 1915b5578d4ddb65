import Foundation
import ZhibiaoKernel

/// Register entries as an export (名录导出), in the register import's layout — register, name,
/// org, level, date recognised, evidence, date withdrawn and why (撤销, 摘牌, 迁出) — one row per
/// entry in the order given, as `zhibiao export registers` writes them.
public struct RegisterTable {
  let entries: [RegisterEntry]

  /// The table of `entries`.
  public init(entries: [RegisterEntry]) { self.entries = entries }

  /// The rows as text.
  public var rows: [[String]] {
    entries.map {
      [
        $0.register.rawValue, $0.name, $0.org.rawValue, $0.level, $0.recognisedOn, $0.evidence ?? "",
        $0.withdrawnOn ?? "", $0.withdrawal?.zh ?? "",
      ]
    }
  }

  /// The CSV file.
  public var csv: CSVTable { CSVTable(columns: RegisterImport.columns, rows: rows) }
}
