/// Colours from the Okabe–Ito palette, which stays apart for the common colour-vision deficiencies,
/// paired with a pattern per status so that greyscale print keeps them apart too: solid for green,
/// dots for yellow, diagonal hatch for red, hollow with a dashed outline for grey.
extension ChartStatus {
  /// The status colour as `#RRGGBB`: bluish green, orange, vermillion, or light grey.
  public var colour: String {
    switch self {
    case .green: "#009E73"
    case .yellow: "#E69F00"
    case .red: "#D55E00"
    case .grey: "#BBBBBB"
    }
  }

  /// The `fill` of a shape in this status, pointing at the chart's own patterns.
  func fill(_ ids: ChartIDs) -> String {
    switch self {
    case .green: colour
    case .yellow, .red: "url(#\(ids.pattern(self)))"
    case .grey: "#FFFFFF"
    }
  }

  /// The outline: a fine dark edge that prints, or a dashed grey one for the hollow status.
  var strokeAttributes: [(String, String)] {
    switch self {
    case .green, .yellow, .red: [("stroke", ChartInk.text), ("stroke-width", "0.75")]
    case .grey: [("stroke", ChartInk.muted), ("stroke-width", "1"), ("stroke-dasharray", "4 2")]
    }
  }

  /// Fill and outline together.
  func paint(_ ids: ChartIDs) -> [(String, String)] {
    [("fill", fill(ids))] + strokeAttributes
  }
}

/// The greys every chart draws its text, axes and grid in.
enum ChartInk {
  static let text = "#1A1A1A"
  static let muted = "#666666"
  static let axis = "#333333"
  static let grid = "#DDDDDD"
  /// The actual path: Okabe–Ito blue, dark enough for greyscale.
  static let actual = "#0072B2"
  /// The target path, dashed.
  static let target = "#555555"
}

/// The `<pattern>` definitions a chart's status fills refer to.
enum StatusPatterns {
  static func definitions(_ ids: ChartIDs) -> [String] {
    [
      "<pattern id=\"\(ids.pattern(.yellow))\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
        + "<rect width=\"6\" height=\"6\" fill=\"\(ChartStatus.yellow.colour)\"/>"
        + "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#000000\" fill-opacity=\"0.6\"/></pattern>",
      "<pattern id=\"\(ids.pattern(.red))\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
        + "patternTransform=\"rotate(45)\">"
        + "<rect width=\"6\" height=\"6\" fill=\"\(ChartStatus.red.colour)\"/>"
        + "<line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" stroke=\"#FFFFFF\" stroke-width=\"2\"/></pattern>",
    ]
  }
}
