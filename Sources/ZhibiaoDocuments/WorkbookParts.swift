import Foundation

/// What the workbook's small parts say: its sheets in order and where each is stored, where
/// its shared strings are, and its date system.
struct WorkbookParts {
  /// A sheet: its name and the archive path of its XML.
  struct Sheet {
    var name: String
    var path: String
  }

  /// The sheets in the workbook's order.
  var sheets: [Sheet] = []
  /// The archive path of the shared strings, if the workbook has any.
  var sharedStrings: String?
  /// The archive path of the styles (number formats), if the workbook has any.
  var styles: String?
  /// Whether serial dates count from 1904-01-01 (the old Mac date system) instead of 1900.
  var date1904 = false

  /// Reads the package relationships, the workbook and its relationships from `archive`.
  init(_ archive: WorkbookArchive) throws(WorkbookError) {
    let rootRelations = try Self.relations(archive, "_rels/.rels", base: "")
    let workbook = rootRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    guard let workbookData = try archive.data(workbook) else {
      throw .notAWorkbook(reason: "no workbook part '\(workbook)'")
    }
    let folder = workbook.contains("/") ? String(workbook[..<workbook.lastIndex(of: "/")!]) + "/" : ""
    let relationsPath = folder + "_rels/" + workbook.split(separator: "/").last! + ".rels"
    let relations = try Self.relations(archive, relationsPath, base: folder)
    var targets: [String: String] = [:]
    for relation in relations { targets[relation.id] = relation.target }
    sharedStrings = relations.first { $0.type.hasSuffix("/sharedStrings") }?.target
    styles = relations.first { $0.type.hasSuffix("/styles") }?.target
    var sheets: [Sheet] = []
    var date1904 = false
    try XMLEvents.read(workbookData, part: workbook) { name, attributes in
      switch name {
      case "workbookPr":
        date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
      case "sheet":
        let id = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value
        if let name = attributes["name"], let id, let path = targets[id] {
          sheets.append(Sheet(name: name, path: path))
        }
      default: break
      }
    }
    guard !sheets.isEmpty else { throw .notAWorkbook(reason: "the workbook lists no sheets") }
    self.sheets = sheets
    self.date1904 = date1904
  }

  /// A relationship: its id, type and target as an archive path.
  private struct Relation {
    var id: String
    var type: String
    var target: String
  }

  /// The relationships in the part `path`, their targets resolved against `base`.
  private static func relations(_ archive: WorkbookArchive, _ path: String, base: String) throws(WorkbookError)
    -> [Relation]
  {
    guard let data = try archive.data(path) else { return [] }
    var found: [Relation] = []
    try XMLEvents.read(data, part: path) { name, attributes in
      guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
        attributes["TargetMode"] != "External"
      else { return }
      found.append(Relation(id: id, type: attributes["Type"] ?? "", target: resolve(target, base: base)))
    }
    return found
  }

  /// An archive path from a relationship's target: absolute (`/xl/…`) or relative to `base`,
  /// with `..` steps applied.
  static func resolve(_ target: String, base: String) -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for part in target.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  /// The shared strings table: each `<si>`'s text, its rich-text runs joined, its phonetic
  /// (`<rPh>`) guides left out.
  func strings(_ archive: WorkbookArchive) throws(WorkbookError) -> [String] {
    guard let path = sharedStrings, let data = try archive.data(path) else { return [] }
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false
    try XMLEvents.read(
      data, part: path,
      opened: { name, _ in
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
      },
      closed: { name in
        switch name {
        case "si": strings.append(EscapedText.unescaped(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
      },
      text: { if inText { current += $0 } })
    return strings
  }
}
