/// An indicator whose value a domain module computes from other indicators, such as a ratio
/// or an average growth rate. Self-describing: its formula is shown in listings and reports.
public struct Derivation: Sendable {
  /// Values of indicators by year, for a derivation to read.
  public struct Inputs: Sendable {
    /// The year being computed.
    public var year: Int
    /// The plan's base year.
    public var baseYear: Int
    /// The value of an indicator in a year, if known.
    public var value: @Sendable (IndicatorID, Int) -> Double?

    /// Creates inputs.
    public init(year: Int, baseYear: Int, value: @escaping @Sendable (IndicatorID, Int) -> Double?) {
      self.year = year
      self.baseYear = baseYear
      self.value = value
    }
  }

  /// The indicator computed.
  public let indicator: IndicatorID
  /// The indicators it is computed from.
  public let inputs: [IndicatorID]
  /// The formula in words, for people.
  public let formula: LocalizedText
  /// Computes the value, or nil when an input is missing or the result is undefined.
  public let compute: @Sendable (Inputs) -> Double?
  /// Where the derivation is declared in code, for diagnostics.
  public let location: SourceLocation
  /// For a share (part ÷ whole × 100): the part and the whole, so that a reported part
  /// larger than its whole can be refused.
  public let share: (part: IndicatorID, whole: IndicatorID)?

  /// Declares a derivation; `fileID` and `line` locate it for diagnostics.
  public init(
    indicator: IndicatorID, inputs: [IndicatorID], formula: LocalizedText,
    share: (part: IndicatorID, whole: IndicatorID)? = nil, fileID: String = #fileID, line: Int = #line,
    compute: @escaping @Sendable (Inputs) -> Double?
  ) {
    self.indicator = indicator
    self.inputs = inputs
    self.formula = formula
    self.compute = compute
    self.share = share
    self.location = SourceLocation(file: fileID, line: line, column: 1)
  }

  /// `numerator / denominator × 100`, in percent, of a part and its whole; nil when either is
  /// missing or the denominator is zero.
  public static func percentage(
    _ indicator: IndicatorID, numerator: IndicatorID, denominator: IndicatorID,
    formula: LocalizedText, fileID: String = #fileID, line: Int = #line
  ) -> Derivation {
    Derivation(
      indicator: indicator, inputs: [numerator, denominator], formula: formula, share: (numerator, denominator),
      fileID: fileID, line: line
    ) { inputs in
      guard let top = inputs.value(numerator, inputs.year),
        let bottom = inputs.value(denominator, inputs.year), bottom != 0
      else { return nil }
      return top / bottom * 100
    }
  }
}
