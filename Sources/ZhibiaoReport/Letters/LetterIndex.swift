import ZhibiaoKernel

/// The index of a year's letters: one row per district with a link to its page and what it
/// holds.
struct LetterIndex {
  let plan: Plan
  let letters: [DistrictLetter]
  let year: Int
  let language: Language
  let caveat: LocalizedText?

  func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  func html() -> String {
    let title = say("\(year)年区、县(市)生产性服务业发展目标责任书", "District Producer Services Target Letters \(year)")
    let note = say(
      "依据《\(plan.name.zh)》，\(year) 年度目标分解到 \(letters.count) 个区、县(市)，每个区、县(市)一份责任书，可单独打印。",
      "Under the \(plan.name.en), the \(year) targets are decomposed to \(letters.count) districts: one letter "
        + "each, printable on its own.")
    let headings = [
      ("", say("区、县(市)", "District")), ("", say("区划代码", "Code")),
      (" class=\"num\"", say("年度目标（项）", "Annual targets")), (" class=\"num\"", say("重点任务（项）", "Key tasks")),
    ].map { "<th\($0.0)>\(HTML.escape($0.1))</th>" }
    let body =
      [
        "<header>", LetterMarkup.element("h1", title), LetterMarkup.element("p", note),
        LetterMarkup.caveats(caveat, in: language), "</header>",
        "<table class=\"letters\">", "<thead><tr>\(headings.joined())</tr></thead>", "<tbody>",
      ] + letters.map(row) + ["</tbody>", "</table>"]
    return HTML.page(title: title, language: language, style: LetterStyle.css, body: body.joined(separator: "\n"))
  }

  /// A district's row: its name linking to its letter, its division code, and what the letter holds.
  private func row(_ letter: DistrictLetter) -> String {
    let district = letter.district
    let link =
      "<a href=\"\(HTML.escape(DistrictLetters.fileName(of: district.id)))\">"
      + "\(HTML.escape(district.name.text(in: language)))</a>"
    return "<tr data-id=\"\(HTML.escape(district.id.rawValue))\"><td>\(link)</td>"
      + "<td>\(HTML.escape(district.code ?? ""))</td>"
      + "<td class=\"num\">\(letter.annual.count)</td><td class=\"num\">\(letter.tasks.count)</td></tr>"
  }
}
