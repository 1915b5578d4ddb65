import Foundation
import Testing
import ZhibiaoKernel

@testable import ZhibiaoObservations

@Suite("Trimming a field as Foundation trims it")
struct FieldTextTests {
  @Test(
    "Spaces, tabs and every space separator go at either end; nothing else does",
    arguments: [
      "", " ", "\t", "  a  ", "\ta b\t", "\u{3000}北京\u{3000}", "\u{00A0}12.5", "12.5\u{2009}", "\u{202F}x\u{205F}",
      "\u{1680}y", " \u{2000}\u{200A} ", "a", "a b", "\n12\n", "\r12", "12\u{200B}", "\u{FEFF}12", " \u{85}12",
      "é ", " e\u{301}", "\u{3000}", "2024Q3 ", "万元\t",
    ])
  func trimsLikeFoundation(_ text: String) {
    #expect(FieldText.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
  }

  @Test("Every scalar is a space exactly when Foundation says so")
  func spacesAreFoundations() {
    let spaces = CharacterSet.whitespaces
    var mismatches: [String] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if FieldText.isSpace(scalar) != spaces.contains(scalar) { mismatches.append(String(value, radix: 16)) }
    }
    #expect(mismatches.isEmpty)
  }

  @Test(
    "Years and quarters read from bytes as Period reads them",
    arguments: ["2024", "2024Q1", "2024q4", "2024Q0", "2024Q5", "2024Q01", "0000", "202", "20245", "2024Q", "２０２４"])
  func plainPeriods(_ text: String) {
    #expect(PeriodText.parse(text) == Period(text))
  }
}
