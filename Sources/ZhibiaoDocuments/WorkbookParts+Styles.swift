extension WorkbookParts {
  /// The cell styles (indexes into `<cellXfs>`) whose number format shows a percentage: the
  /// built-in formats 9 (`0%`) and 10 (`0.00%`), and custom formats with a `%` outside quoted
  /// text. Such a cell holds 0.125 where it shows 12.5%.
  func percentStyles(_ archive: WorkbookArchive) throws(WorkbookError) -> Set<Int> {
    guard let path = styles, let data = try archive.data(path) else { return [] }
    var percentFormats: Set<Int> = [9, 10]
    var percent: Set<Int> = []
    var inCellFormats = false
    var index = 0
    try XMLEvents.read(
      data, part: path,
      opened: { name, attributes in
        switch name {
        case "numFmt":
          if let id = attributes["numFmtId"].flatMap({ Int($0) }), Self.showsPercent(attributes["formatCode"] ?? "") {
            percentFormats.insert(id)
          }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
          if let id = attributes["numFmtId"].flatMap({ Int($0) }), percentFormats.contains(id) { percent.insert(index) }
          index += 1
        default: break
        }
      },
      closed: { name in
        if name == "cellXfs" { inCellFormats = false }
      })
    return percent
  }

  /// Whether a format code shows a percentage: a `%` that is not quoted (`"%"`) or escaped (`\%`).
  static func showsPercent(_ code: String) -> Bool {
    var quoted = false
    var escaped = false
    for character in code {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        quoted.toggle()
      } else if character == "%", !quoted {
        return true
      }
    }
    return false
  }
}
