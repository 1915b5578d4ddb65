/// An estimate of how wide a line of text is drawn, without a font at hand.
///
/// The page names CJK fonts, in which Han characters, kana, hangul and full-width forms take one
/// em; ASCII averages about 0.55 em in the sans-serif faces they pair with. Other scalars (Latin
/// letters with accents, `·`, `—`, arrows) get 0.7 em, except the ellipsis, which takes one, which errs on the wide side; combining marks
/// and zero-width characters take none.
enum TextWidth {
  /// The width of `text` in ems.
  static func ems(_ text: String) -> Double {
    text.unicodeScalars.reduce(0) { $0 + ems(of: $1) }
  }

  /// The width of `text` in user units at `fontSize`.
  static func of(_ text: String, fontSize: Double) -> Double {
    ems(text) * fontSize
  }

  /// `text` cut to fit `maxWidth` at `fontSize`, ending in "…" when cut; nil when it fits as is.
  static func truncated(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String? {
    guard of(text, fontSize: fontSize) > maxWidth else { return nil }
    let budget = maxWidth / fontSize - ems("…")
    var used = 0.0
    var kept = ""
    for character in text {
      let width = ems(String(character))
      guard used + width <= budget else { break }
      used += width
      kept.append(character)
    }
    return kept + "…"
  }

  /// The width of one scalar in ems.
  static func ems(of scalar: Unicode.Scalar) -> Double {
    let value = scalar.value
    switch value {
    case 0..<0x20, 0x7F: return 0
    case 0x20..<0x7F: return 0.55
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
    default: return isWide(value) ? 1 : 0.7
    }
  }

  /// Whether a scalar is East Asian wide or full-width (Unicode UAX #11, the main blocks).
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F,  // Hangul Jamo initials
      0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
      0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility, CJK compatibility
      0x3400...0x4DBF,  // CJK extension A
      0x4E00...0x9FFF,  // CJK unified ideographs
      0xA000...0xA4CF,  // Yi
      0xAC00...0xD7A3,  // Hangul syllables
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFE30...0xFE4F,  // CJK compatibility forms
      0xFF00...0xFF60,  // full-width forms
      0xFFE0...0xFFE6,  // full-width signs
      0x1F300...0x1F64F, 0x1F900...0x1F9FF,  // pictographs and emoji
      0x20000...0x3FFFD:  // CJK extensions B and later
      return true
    default:
      return false
    }
  }
}
