/// The text of the double written last in a column of a report, kept so that the same double
/// written again — the time elapsed of every row, an indicator's seasonal share, a year-end
/// projection whose figures are all the year's figure — is copied instead of worked out again.
package struct RepeatedDoubleText {
  /// The bits of the double kept: none at first (a NaN, which is never kept).
  fileprivate var bits = Double.nan.bitPattern
  fileprivate var length = 0
  /// Its text, at most 24 bytes ("-2.2250738585072014e-308"), in three words.
  fileprivate var text: (UInt64, UInt64, UInt64) = (0, 0, 0)

  /// Nothing kept.
  package init() {}
}

/// The doubles of a report row that often repeat, each with its own kept text.
package struct RepeatedDoubleTexts {
  var seasonalShare = RepeatedDoubleText()
  var expected = RepeatedDoubleText()
  var timeElapsed = RepeatedDoubleText()
  /// The five figures of the year-end projection, one after the other.
  var projection = RepeatedDoubleText()
}

extension ReportBytes {
  /// Appends a finite double as JSON writes it (`appendShortest`): copied from `kept` when it is
  /// the double kept there, else written and kept. `likelyShort` as `NumberText.writeJSON` takes it.
  @inline(__always)
  mutating func appendShortest(_ value: Double, kept: inout RepeatedDoubleText, likelyShort: Bool = false) {
    write(upTo: 48) { at in
      let raw = UnsafeMutableRawPointer(at)
      if value.bitPattern == kept.bits {
        raw.storeBytes(of: kept.text, as: (UInt64, UInt64, UInt64).self)
        return kept.length
      }
      let length = NumberText.writeJSON(value, likelyShort: likelyShort, to: at)
      kept.bits = value.bitPattern
      kept.length = length
      kept.text = UnsafeRawPointer(raw).loadUnaligned(as: (UInt64, UInt64, UInt64).self)
      return length
    }
  }

  /// Appends a statistic as JSON as `appendJSON(_:)` does, a finite one through `kept`.
  @inline(__always)
  package mutating func appendJSON(_ value: Double, kept: inout RepeatedDoubleText, likelyShort: Bool = false) {
    if value.isFinite { appendShortest(value, kept: &kept, likelyShort: likelyShort) } else { appendJSON(value) }
  }

  /// Appends the CSV text of a statistic as `appendCSV(_:)` does, a finite one through `kept`.
  @inline(__always)
  package mutating func appendCSV(_ value: Double, kept: inout RepeatedDoubleText, likelyShort: Bool = false) {
    if value.isFinite { appendShortest(value, kept: &kept, likelyShort: likelyShort) } else { appendCSV(value) }
  }
}

extension ReportBytes {
  /// Appends again the `length` bytes written from `start`: a figure the row has just written, when
  /// the next is the same (the actual that is the reported figure, the annual target that is the
  /// milestone at the year's end).
  @inline(__always)
  mutating func appendAgain(from start: Int, length: Int) {
    let back = count - start
    write(upTo: length) { at in
      UnsafeMutableRawPointer(at).copyMemory(from: at - back, byteCount: length)
      return length
    }
  }
}
