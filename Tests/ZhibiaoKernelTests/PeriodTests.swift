import Testing
import ZhibiaoKernel

@Suite("Periods")
struct PeriodTests {
  @Test("A quarter parses as the year to date through it")
  func quarterParses() throws {
    let period = try #require(Period("2024Q3"))
    #expect(period.year == 2024)
    #expect(period.quarter == 3)
    #expect(period.months == 9)
    #expect(period.description == "2024Q3")
    #expect(period.zh == "2024年1-9月")
    #expect(period == .quarter(3, of: 2024))
    #expect(Period("2024q3") == .quarter(3, of: 2024))
  }

  @Test("A year parses as the whole year")
  func yearParses() throws {
    let period = try #require(Period("2024"))
    #expect(period.year == 2024)
    #expect(period.quarter == nil)
    #expect(period.months == 12)
    #expect(period.description == "2024")
    #expect(period.zh == "2024年")
    #expect(period == .year(2024))
  }

  static let malformedPeriods = [
    "2024Q5", "2024Q0", "24", "", "2024Q", "Q3", "2024Q3Q1", "abcd", "+024", "-024", "2024Q+3", "2024Q-1", " 2024",
  ]

  @Test("Malformed periods do not parse", arguments: malformedPeriods)
  func malformed(text: String) {
    #expect(Period(text) == nil)
  }

  @Test("Quarters sort before their year, and years before the next year's quarters")
  func ordering() throws {
    let q1 = try #require(Period("2024Q1"))
    let q4 = try #require(Period("2024Q4"))
    let year = try #require(Period("2024"))
    let next = try #require(Period("2025Q1"))
    #expect(q1 < q4)
    #expect(q4 < year)
    #expect(year < next)
    #expect([next, year, q4, q1].sorted() == [q1, q4, year, next])
    #expect(!(year < year))
  }
}
