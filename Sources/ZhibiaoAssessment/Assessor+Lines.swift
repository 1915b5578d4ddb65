import ZhibiaoPlan

extension Assessor {
  /// One line scored on a figure: the org assessed, the indicator and org of the figure it reads
  /// (a bureau's owned indicator reads the city figure), and its points in hundredths (nil when a
  /// figure is missing).
  public struct FigureLine: Hashable, Sendable {
    public var assessed: OrgID
    public var indicator: Int
    public var figureOrg: Int
    public var hundredths: Int64?
  }

  /// Every line that reads a figure, in the scheme's order: for comparing the points of each item
  /// with another tool's, without writing every scorecard.
  public var figureLines: [FigureLine] {
    let orgCount = compiled.orgCount
    return compiled.lineCell.indices.compactMap { line in
      let cell = Int(compiled.lineCell[line])
      guard cell >= 0 else { return nil }
      return FigureLine(
        assessed: compiled.slotOrgs[Int(compiled.lineSlot[line])].id, indicator: cell / orgCount,
        figureOrg: cell % orgCount, hundredths: scored[line] ? points[line] : nil)
    }
  }
}
