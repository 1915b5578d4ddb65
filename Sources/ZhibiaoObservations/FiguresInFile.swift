import Foundation
import ZhibiaoPlan

/// The rows of an import checked so far: where its columns are, the rows kept, each row's figure
/// key (at the same index), and their figures.
struct CheckedRows {
  let columns: ImportColumns
  let numbering: FigureNumbering
  var rows: [ObservationInput] = []
  var keys: [FigureKey] = []
  var figures: FiguresInFile

  init(header: [String], numbering: FigureNumbering, capacity: Int = 0) {
    columns = ImportColumns(header: header)
    self.numbering = numbering
    rows.reserveCapacity(capacity)
    keys.reserveCapacity(capacity)
    figures = FiguresInFile(capacity: capacity, slots: numbering.slots)
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
  private let orgs: [OrgID: Int]
  /// Each indicator's kind, by its place.
  let kinds: [Indicator.Kind]
  /// The number of every figure of the plan's years.
  let slots: FigureSlots

  init(plan: Plan) {
    indicators = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    orgs = Dictionary(plan.orgs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    kinds = plan.indicators.map(\.kind)
    slots = FigureSlots(
      indicators: plan.indicators.count, orgs: plan.orgs.count, years: plan.baseYear...plan.targetYear)
  }

  /// The place in the plan of the indicator with `id`.
  func indicator(_ id: IndicatorID) -> Int? { indicators[id] }

  /// The place in the plan of the org with `id`.
  func org(_ id: OrgID) -> Int? { orgs[id] }

  /// The key of a figure of the plan's indicator and org; nil when either is not in the plan.
  func key(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> FigureKey? {
    guard let indicator = indicators[indicator], let org = orgs[org] else { return nil }
    return FigureKey(indicator: indicator, org: org, period: period)
  }
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

  /// The value the file gives for the figure of `key`, taken from `inputs`, the rows the indices
  /// point into.
  func value(_ key: FigureKey?, in inputs: [ObservationInput]) -> Decimal? {
    guard let key else { return nil }
    guard let slots else { return sparse[key].map { inputs[$0].value } }
    guard let slot = slots.slot(key), dense[slot] > 0 else { return nil }
    return inputs[Int(dense[slot]) - 1].value
  }
}
