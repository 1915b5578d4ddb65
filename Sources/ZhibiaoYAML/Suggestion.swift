/// "Did you mean …?" suggestions for misspelt keys and identifiers.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a
  /// likely misspelling: one edit for words of up to three characters, otherwise two edits or a
  /// third of the word's length, whichever is more (`targt` → `targets`).
  ///
  /// A candidate whose length differs from the word's by more than the limit is passed over
  /// unmeasured (its distance is at least that difference), and a measurement stops once every
  /// alignment is past the limit, so that a long run of garbage costs next to nothing.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let letters = Array(word)
    let limit = letters.count <= 3 ? 1 : max(2, letters.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let other = Array(candidate)
      guard abs(other.count - letters.count) <= min(limit, (best?.distance ?? .max) - 1) else { continue }
      guard let distance = editDistance(letters, other, limit: limit) else { continue }
      if distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The hint text for `closest(to:among:)`, or nil when nothing is close.
  public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
    closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
  }

  /// Levenshtein distance over characters, with adjacent transpositions counted as one edit
  /// (optimal string alignment), so `tagrets` is one edit from `targets`.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a), Array(b), limit: .max) ?? .max
  }

  /// The distance of `a` and `b`, or nil as soon as it is certain to exceed `limit`.
  public static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
    if a.isEmpty { return b.count <= limit ? b.count : nil }
    if b.isEmpty { return a.count <= limit ? a.count : nil }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      // A transposition reaches back two rows, so stop only when both rows are past the limit.
      if current.min() ?? 0 > limit, previous.min() ?? 0 > limit { return nil }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }
}
