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
