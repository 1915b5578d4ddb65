import Testing

@testable import ZhibiaoCharts

@Suite struct TextTests {
  @Test func countsCJKAsOneEmAndASCIIAsLess() {
    #expect(TextWidth.ems("数字经济") == 4)
    #expect(abs(TextWidth.ems("GDP 2025") - 8 * 0.55) < 1e-9)
    #expect(TextWidth.ems("（％）") == 3)  // full-width forms
    #expect(TextWidth.ems("数字") > TextWidth.ems("ab"))
    #expect(TextWidth.of("指标", fontSize: 12) == 24)
  }

  @Test func truncatesToTheWidthWithAnEllipsis() throws {
    #expect(TextWidth.truncated("数字经济", toWidth: 48, fontSize: 12) == nil)
    let cut = try #require(TextWidth.truncated("数字经济核心产业增加值", toWidth: 60, fontSize: 12))
    #expect(cut.hasSuffix("…"))
    #expect(TextWidth.of(cut, fontSize: 12) <= 60)
    #expect(cut == "数字经济…")
  }

  @Test func escapesMarkupAndDropsForbiddenControls() {
    #expect("<a href=\"x\">R&D's</a>".xmlEscaped == "&lt;a href=&quot;x&quot;&gt;R&amp;D&apos;s&lt;/a&gt;")
    #expect("a\u{0}b\u{7}c\nd".xmlEscaped == "abc\nd")
    #expect("序时进度".xmlEscaped == "序时进度")
  }

  @Test(arguments: [
    (1234.5, 1, "1,234.5"), (1234.50, 2, "1,234.5"), (1_000_000, 0, "1,000,000"), (0.1 + 0.2, 2, "0.3"),
    (-0.004, 2, "0"), (-1234.567, 2, "-1,234.57"), (999.999, 2, "1,000"), (12, 3, "12"),
  ])
  func formatsNumbersCompactlyWithoutLocale(value: Double, digits: Int, text: String) {
    #expect(ChartNumber.format(value, fractionDigits: digits) == text)
  }

  @Test func printsNonFiniteAsADash() {
    #expect(ChartNumber.format(.nan, fractionDigits: 2) == "—")
    #expect(ChartNumber.format(.infinity, fractionDigits: 0) == "—")
  }
}
