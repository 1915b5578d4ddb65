/// "Did you mean …?" suggestions for misspelt keys and identifiers.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a
  /// likely misspelling: one edit for words of up to three characters, otherwise two edits or a
  /// third of the word's length, whichever is more (`targt` → `targets`).
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = word.count <= 3 ? 1 : max(2, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(word, candidate)
      if distance <= limit, distance < (best?.distance ?? .max) {
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
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
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
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
