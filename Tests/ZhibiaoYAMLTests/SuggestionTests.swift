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
}
