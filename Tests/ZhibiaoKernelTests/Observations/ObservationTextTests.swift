import Foundation
import Testing
import ZhibiaoKernel

@Suite("Reading what reporters write")
struct ObservationTextTests {
  @Test(
    "Periods in every accepted spelling",
    arguments: [
      ("2024Q3", Period.quarter(3, of: 2024)), ("2024q1", .quarter(1, of: 2024)), ("2024", .year(2024)),
      ("2024年", .year(2024)), ("2024年1-3月", .quarter(1, of: 2024)), ("2024年1-6月", .quarter(2, of: 2024)),
      ("2024年1－9月", .quarter(3, of: 2024)), ("2024年1—12月", .quarter(4, of: 2024)),
      (" 2023年1-9月 ", .quarter(3, of: 2023)),
    ])
  func periods(_ text: String, _ period: Period) {
    #expect(PeriodText.parse(text) == period)
  }

  @Test("Text that is not a period", arguments: ["2024年1-8月", "2024年2-9月", "24年1-9月", "2024Q5", "二〇二四年", ""])
  func notPeriods(_ text: String) {
    #expect(PeriodText.parse(text) == nil)
  }

  @Test("Units convert within their kind and refuse across kinds")
  func units() {
    #expect(UnitConversion.factor(from: "万元", to: "亿元") == Decimal(string: "0.0001"))
    #expect(UnitConversion.factor(from: "亿元", to: "万元") == 10_000)
    #expect(UnitConversion.factor(from: "万吨", to: "亿吨") == Decimal(string: "0.0001"))
    #expect(UnitConversion.factor(from: "标箱", to: "万标箱") == Decimal(string: "0.0001"))
    #expect(UnitConversion.factor(from: "家", to: "家") == 1)
    #expect(UnitConversion.factor(from: "家", to: "亿元") == nil)
    #expect(UnitConversion.factor(from: "%", to: "亿元") == nil)
    #expect(UnitConversion.factor(from: "个", to: "家") == nil)
  }

  @Test("UTF-8, UTF-8 with BOM and GBK decode to the same text")
  func encodings() throws {
    let text = "indicator,org\nplan.gdp,滨江区\n"
    let utf8 = Data(text.utf8)
    let bom = Data([0xEF, 0xBB, 0xBF]) + utf8
    // 滨江区 in GBK: B1 F5 BD AD C7 F8.
    let gbk = Data("indicator,org\nplan.gdp,".utf8) + Data([0xB1, 0xF5, 0xBD, 0xAD, 0xC7, 0xF8]) + Data("\n".utf8)
    #expect(TextDecoding.decode(utf8)?.text == text)
    #expect(TextDecoding.decode(utf8)?.encoding == .utf8)
    #expect(TextDecoding.decode(bom)?.text == text)
    #expect(TextDecoding.decode(gbk)?.text == text)
    #expect(TextDecoding.decode(gbk)?.encoding == .gb18030)
    #expect(TextDecoding.decode(gbk, as: .utf8) == nil)
    #expect(TextDecoding.Encoding(name: "GBK") == .gb18030)
  }
}
