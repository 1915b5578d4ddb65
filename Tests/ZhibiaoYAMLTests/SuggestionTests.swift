import Testing
import ZhibiaoYAML

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
  static let keys = ["id", "name", "unit", "owner", "targets", "kind"]

  @Test(
    "Edit distance counts insertions, deletions, substitutions and adjacent transpositions",
    arguments: [
      ("targets", "targets", 0),
      ("targt", "targets", 2),
      ("tagrets", "targets", 1),
      ("ownr", "owner", 1),
      ("onwer", "owner", 1),
      ("kitten", "sitting", 3),
      ("", "unit", 4),
      ("unit", "", 4),
      ("指标", "指数", 1),
      ("指标名称", "指标称名", 1),
      ("𠀀a", "a𠀀", 1),
    ])
  func editDistance(word: String, other: String, distance: Int) {
    #expect(Suggestion.editDistance(word, other) == distance)
    #expect(Suggestion.editDistance(other, word) == distance)
  }

  @Test(
    "A misspelt key is matched to the intended one",
    arguments: [
      ("targt", "targets"),
      ("tagrets", "targets"),
      ("target", "targets"),
      ("ownr", "owner"),
      ("Name", "name"),
      ("ib", "id"),
    ])
  func closest(word: String, intended: String) {
    #expect(Suggestion.closest(to: word, among: Self.keys) == intended)
    #expect(Suggestion.hint(for: word, among: Self.keys) == "did you mean '\(intended)'?")
  }

  @Test("Nothing is suggested when no key is close", arguments: ["colour", "description", "xy", "年度", ""])
  func nothingClose(word: String) {
    #expect(Suggestion.closest(to: word, among: Self.keys) == nil)
    #expect(Suggestion.hint(for: word, among: Self.keys) == nil)
  }

  @Test("The word itself is never suggested")
  func neverItself() {
    #expect(Suggestion.closest(to: "owner", among: ["owner"]) == nil)
    #expect(Suggestion.closest(to: "owner", among: ["owner", "owners"]) == "owners")
  }

  @Test("The nearest candidate wins over an earlier one that is merely close; a tie goes to the first")
  func nearestWins() {
    #expect(Suggestion.closest(to: "targts", among: ["target", "targets"]) == "targets")
    #expect(Suggestion.closest(to: "unit2", among: ["unit", "units"]) == "unit")
  }

  @Test("The bounded measure agrees with the full one, and gives up past its limit")
  func boundedDistance() {
    let pairs = [("targets", "tagrets"), ("indicator", "indicater"), ("unit", "units"), ("", "abc"), ("年度", "年度目标")]
    for (a, b) in pairs {
      let full = Suggestion.editDistance(a, b)
      #expect(Suggestion.editDistance(Array(a), Array(b), limit: full) == full)
      #expect(Suggestion.editDistance(Array(a), Array(b), limit: full - 1) == nil)
    }
    // A long run of garbage is compared with nothing: no suggestion, and no quadratic work.
    let garbage = String(repeating: "finance.finance_va", count: 3_000)
    #expect(Suggestion.closest(to: garbage, among: Self.keys + ["finance.finance_va"]) == nil)
  }
}
