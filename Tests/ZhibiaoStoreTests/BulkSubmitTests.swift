import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// A submission large enough to be sent in many chunks comes back exactly as it went in.
@Suite("Large submissions")
final class BulkSubmitTests {
  /// Notes a database's bulk format must escape, and NULL's own spelling in it as plain text.
  static let notes: [String?] = [
    nil, "报送说明, 第1季度", "a\ttab", "two\nlines", "carriage\rreturn", "back\\slash", "\\N", "\"quoted\"", "",
  ]

  @Test(
    "Every value, note, key and audit entry of 30,000 figures comes back as sent, in key order",
    arguments: StoreBackend.available)
  func roundTrip(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    var rows: [ObservationInput] = []
    for index in 0..<30_000 {
      let org = OrgID("district.d\(index % 7)")
      let period = Period.quarter(index % 4 + 1, of: 2021 + index / 7 % 5)
      let indicator = IndicatorID("bulk.i\(String(format: "%05d", index / 140))")
      let digits = (index * 7_919) % 1_000_003
      let text =
        switch index % 5 {
        case 0: "-\(digits).\(index % 100)"
        case 1: "\(digits)00000000000.125"
        case 2: "0.000\(digits)"
        default: "\(digits)"
        }
      rows.append(
        ObservationInput(
          indicator: indicator, org: org, period: period, value: Fixture.decimal(text),
          note: Self.notes[index % Self.notes.count], line: index + 2))
    }
    let result = try await store.submit(Fixture.submission(rows, by: Fixture.commission, role: .commission))
    #expect(result.added == rows.count)

    func key(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> String {
      "\(indicator.rawValue)|\(org.rawValue)|\(period)"
    }
    let sent = Dictionary(uniqueKeysWithValues: rows.map { (key($0.indicator, $0.org, $0.period), $0) })
    let stored = try await store.observations(plan: Fixture.plan)
    #expect(stored.count == rows.count)
    for record in stored {
      let row = sent[key(record.indicator, record.org, record.period)]
      #expect(record.value == row?.value && record.note == row?.note, "\(record)")
      if record.value != row?.value || record.note != row?.note { return }
    }
    let entries = try await store.auditLog(plan: Fixture.plan, org: nil)
    #expect(entries.map(\.newValue) == entries.map { sent[key($0.indicator!, $0.org, $0.period)]?.value })
    let order = entries.map { ($0.org.rawValue, $0.period.year, $0.period.quarter ?? 0, $0.indicator!.rawValue) }
    #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 })
    let sample = rows[4_321]
    let history = try await store.history(
      plan: Fixture.plan, indicator: sample.indicator, org: sample.org, period: sample.period)
    #expect(history.map(\.value) == [sample.value] && history.map(\.note) == [sample.note])
  }
}
