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
