import Foundation
import ZhibiaoPlan

/// The rows of an import checked so far: where its columns are, the rows kept, each row's figure
/// key (at the same index), and their figures.
struct CheckedRows {
  let columns: ImportColumns
  let numbering: FigureNumbering
  var rows: [ObservationInput] = []
  var keys: [FigureKey] = []
  /// Each row's value as digits and a power of ten, when it has at most 18 digits.
  var scaled: [ScaledDecimal?] = []
  var figures: FiguresInFile
  /// Whether the submitter may report an indicator for an org, by their places in the plan: 1
  /// when it may, 0 when that is not known (a refusal is asked again, for its message); empty
  /// for a plan too large to keep the answers of.
  var allowed: [UInt8]

  /// Rows of a file with `header`, with room for `capacity`; without room for their
  /// `figures` when these are to be found later, in the rows of the whole file.
  init(header: [String], numbering: FigureNumbering, capacity: Int = 0, figures: Bool = true) {
    columns = ImportColumns(header: header)
    self.numbering = numbering
    rows.reserveCapacity(capacity)
    keys.reserveCapacity(capacity)
    scaled.reserveCapacity(capacity)
    self.figures = FiguresInFile(capacity: figures ? capacity : 0, slots: numbering.slots)
    let pairs = numbering.kinds.count * numbering.slots.orgs
    allowed = pairs <= 1 << 22 ? Array(repeating: 0, count: pairs) : []
  }

  /// The value of the row at `index`.
  func value(at index: Int) -> FigureValue { FigureValue(rows[index].value, scaled: scaled[index]) }

  /// The value the file gives for the figure of `key`, if it gives one.
  func value(_ key: FigureKey?) -> FigureValue? { figures.index(key).map(value(at:)) }
}

/// A decimal of at most 18 digits as those digits, signed, times a power of ten: the values of
/// nearly every row of a file, compared exactly in integers rather than by `Decimal`'s slower
/// arithmetic.
struct ScaledDecimal {
  let significand: Int64
  let exponent: Int

  /// The order of this value and `other` × 10^`shift`: negative, zero or positive as this one
  /// is less, equal or greater; nil when their powers of ten are too far apart to be compared
  /// in 128 bits.
  func order(_ other: ScaledDecimal, shift: Int = 0) -> Int? {
    var left = Int128(significand)
    var right = Int128(other.significand)
    let gap = exponent - (other.exponent + shift)
    guard abs(gap) <= 19 else { return nil }
    // Digits of at most 18 times 10^19 stay below 10^37, well within 128 bits.
    for _ in 0..<abs(gap) {
      if gap > 0 { left *= 10 } else { right *= 10 }
    }
    return left < right ? -1 : left == right ? 0 : 1
  }
}

/// A figure's value for the checks across rows: its decimal, with its digits and power of ten
/// when it has at most 18 digits, so that most comparisons need no `Decimal` arithmetic. Each
/// comparison gives what the same comparison of the decimals gives.
struct FigureValue {
  let decimal: Decimal
  let scaled: ScaledDecimal?

  init(_ decimal: Decimal, scaled: ScaledDecimal? = nil) {
    self.decimal = decimal
    self.scaled = scaled
  }

  /// The order of the two values' scaled forms (`other`'s times 10^`shift`), nil when either has none.
  private func order(_ other: FigureValue, shift: Int = 0) -> Int? {
    guard let scaled, let theirs = other.scaled else { return nil }
    return scaled.order(theirs, shift: shift)
  }

  /// Whether the value is above zero.
  var isPositive: Bool { scaled.map { $0.significand > 0 } ?? (decimal > 0) }

  /// Whether the value is below `other`.
  func isLess(than other: FigureValue) -> Bool { order(other).map { $0 < 0 } ?? (decimal < other.decimal) }

  /// Whether the value is at least `other`.
  func isAtLeast(_ other: FigureValue) -> Bool { order(other).map { $0 >= 0 } ?? (decimal >= other.decimal) }

  /// Whether the value is at least `other` times ``Plausibility/magnitude``.
  func isMagnitude(above other: FigureValue) -> Bool {
    order(other, shift: Plausibility.magnitudeDigits).map { $0 >= 0 }
      ?? (decimal >= other.decimal * Plausibility.magnitude)
  }

  /// Whether the value times ``Plausibility/magnitude`` is at most `other`.
  func isMagnitude(below other: FigureValue) -> Bool {
    other.order(self, shift: Plausibility.magnitudeDigits).map { $0 >= 0 }
      ?? (decimal * Plausibility.magnitude <= other.decimal)
  }
}

/// One part of a text checked at once with another (`ObservationImport.check(_:file:partedSize:)`),
/// by one thread: the first part keeps its rows as they are checked, leaving out a row that
/// repeats a figure; the second keeps every row that passes its own checks, so that the rows
/// repeating a figure are found once it is placed after the first.
final class PartCheck: @unchecked Sendable {
  private let importer: ObservationImport
  /// Where the part's problems are reported.
  let log: DiagnosticLog
  /// The rows checked so far; nil before the header is read, and when its columns are missing.
  var checked: CheckedRows?
  /// Whether the part is the first, whose repeated figures are found as its rows are checked.
  private let isFirst: Bool

  init(of importer: ObservationImport, log: DiagnosticLog, isFirst: Bool) {
    self.importer = importer
    self.log = log
    self.isFirst = isFirst
  }

  /// Checks `row` and keeps it unless it has a problem (or, in the first part, repeats a figure).
  func check(_ row: ImportTable.Row) {
    guard checked != nil else { return }
    if isFirst {
      importer.check(row, into: &checked!, log: log)
    } else if let (input, key, scaled) = importer.check(row, in: &checked!, log: log) {
      checked!.rows.append(input)
      checked!.keys.append(key)
      checked!.scaled.append(scaled)
    }
  }

  /// The rows checked, handed over once the part is read; the part keeps none.
  func take() -> CheckedRows? {
    defer { checked = nil }
    return checked
  }
}

/// A figure's indicator, org and period packed into one integer — the indicator's and the org's
/// places in the plan, the year and the quarter (0 for the whole year) — so that the checks
/// across rows find a figure by hashing one integer rather than two ids.
struct FigureKey: Hashable {
  private let bits: UInt64

  /// The places in the plan fit in 24 and 20 bits; a year, in the 17 bits left beside its quarter.
  private static let years = 0..<(1 << 17)

  /// The key of a figure, or nil for a year no figure of a plan can have.
  init?(indicator: Int, org: Int, period: Period) {
    guard Self.years.contains(period.year) else { return nil }
    bits = UInt64(indicator) << 40 | UInt64(org) << 20 | UInt64(period.year) << 3 | UInt64(period.quarter ?? 0)
  }

  private init(bits: UInt64) { self.bits = bits }

  /// The indicator's place in the plan.
  var indicator: Int { Int(bits >> 40) }
  /// The org's place in the plan.
  var org: Int { Int(bits >> 20 & 0xF_FFFF) }
  /// The year.
  var year: Int { Int(bits >> 3 & 0x1_FFFF) }
  /// The quarter, 0 for the whole year.
  var quarter: Int { Int(bits & 0x7) }

  /// The key of the same indicator and org at `period`, nil for a year no figure can have.
  func at(_ period: Period) -> FigureKey? {
    guard Self.years.contains(period.year) else { return nil }
    return FigureKey(bits: bits & ~0xF_FFFF | UInt64(period.year) << 3 | UInt64(period.quarter ?? 0))
  }
}

/// The plan's indicators and orgs by id, with the place of each in the plan, for the figure keys
/// of an import; made once per file.
struct FigureNumbering {
  private let indicators: [IndicatorID: Int]
  private let places: [OrgID: Int]
  /// Each indicator's kind, by its place.
  let kinds: [Indicator.Kind]
  /// What a row's check needs of each indicator, by its place.
  let facts: [IndicatorFacts]
  /// Each org's id, by its place.
  let orgs: [OrgID]
  /// The number of every figure of the plan's years.
  let slots: FigureSlots

  init(plan: Plan) {
    indicators = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    places = Dictionary(plan.orgs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    kinds = plan.indicators.map(\.kind)
    facts = plan.indicators.map { IndicatorFacts(id: $0.id, frequency: $0.frequency, unit: $0.unit, kind: $0.kind) }
    orgs = plan.orgs.map(\.id)
    slots = FigureSlots(
      indicators: plan.indicators.count, orgs: plan.orgs.count, years: plan.baseYear...plan.targetYear)
  }

  /// The place in the plan of the indicator with `id`.
  func indicator(_ id: IndicatorID) -> Int? { indicators[id] }

  /// The place in the plan of the org with `id`.
  func org(_ id: OrgID) -> Int? { places[id] }

  /// The key of a figure of the plan's indicator and org; nil when either is not in the plan.
  func key(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> FigureKey? {
    guard let indicator = indicators[indicator], let org = places[org] else { return nil }
    return FigureKey(indicator: indicator, org: org, period: period)
  }
}

/// What the check of a row reads of its indicator, kept apart from the indicator's other
/// properties so that a row does not copy them.
struct IndicatorFacts {
  let id: IndicatorID
  let frequency: Indicator.Frequency
  let unit: String?
  let kind: Indicator.Kind
}

/// Every figure of a plan's years numbered from 0, indicator by org by year by period of the
/// year (the year itself and its four quarters), as a large import gives them.
struct FigureSlots {
  let orgs: Int
  let years: ClosedRange<Int>
  /// How many there are.
  let count: Int

  init(indicators: Int, orgs: Int, years: ClosedRange<Int>) {
    self.orgs = orgs
    self.years = years
    count = indicators * orgs * years.count * 5
  }

  /// The number of the figure of `key`, nil for a year outside the plan's, which no row of a
  /// file can have.
  func slot(_ key: FigureKey) -> Int? {
    guard years.contains(key.year) else { return nil }
    return ((key.indicator * orgs + key.org) * years.count + key.year - years.lowerBound) * 5 + key.quarter
  }
}

/// The figures of a file by key, each at its row's index: the first row of each key, so that a
/// repeated key is found, and the file's own values for the checks across rows.
///
/// When the plan's figures are not many more than the file's rows, each has its place in an
/// array, where a figure and its neighbours (the quarter before, the year before) lie close
/// together; otherwise they are kept by key.
struct FiguresInFile {
  /// The row index plus one at each figure's number, 0 for none; empty when `sparse` is used.
  private var dense: [Int32] = []
  private var sparse: [FigureKey: Int] = [:]
  private let slots: FigureSlots?

  /// Figures kept for a file of about `capacity` rows.
  init(capacity: Int, slots: FigureSlots) {
    if slots.count <= 4 * capacity + (1 << 16), capacity < Int(Int32.max) {
      self.slots = slots
      dense = Array(repeating: 0, count: slots.count)
    } else {
      self.slots = nil
      sparse.reserveCapacity(capacity)
    }
  }

  /// Records that the row at `index` gives the figure of `key`, unless a row did already: then
  /// the index of that earlier row, which stays the figure's.
  mutating func add(_ key: FigureKey, at index: Int) -> Int? {
    guard let slots else {
      // One lookup for the common case, a new figure; a repeated one is put back as it was.
      guard let earlier = sparse.updateValue(index, forKey: key) else { return nil }
      sparse[key] = earlier
      return earlier
    }
    guard let slot = slots.slot(key) else { return nil }
    if dense[slot] > 0 { return Int(dense[slot]) - 1 }
    dense[slot] = Int32(index + 1)
    return nil
  }

  /// The index of the row that gives the figure of `key`, if a row does.
  func index(_ key: FigureKey?) -> Int? {
    guard let key else { return nil }
    guard let slots else { return sparse[key] }
    guard let slot = slots.slot(key), dense[slot] > 0 else { return nil }
    return Int(dense[slot]) - 1
  }
}
