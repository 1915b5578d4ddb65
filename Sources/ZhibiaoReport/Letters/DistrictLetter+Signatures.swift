import ZhibiaoKernel

extension DistrictLetter {
  /// 五、签署: the district government and the leading group's office each sign and seal; kept
  /// on one printed page.
  func signatures() -> String {
    let office = LetterOffice(plan: plan)
    let parties = [
      party(
        role: say("区、县(市)人民政府（盖章）", "District government (seal)"),
        name: say("\(district.name.zh)人民政府", "People's Government of \(district.name.en)"),
        signer: say("主要负责人（签字）", "Head (signature)")),
      party(
        role: say("市现代服务业发展工作领导小组办公室（盖章）", "Office of the leading group (seal)"), name: name(office.name),
        signer: say("负责人（签字）", "Head (signature)")),
    ]
    let note = say(
      "本责任书一式两份，\(district.name.zh)人民政府和\(office.name.zh)各执一份。",
      "This letter is made in two copies, one kept by each party.")
    return [
      "<section class=\"signatures\">", element("h2", "五、签署", "5. Signatures"), LetterMarkup.element("p", note),
      "<div class=\"parties\">", parties.joined(separator: "\n"), "</div>", "</section>",
    ].joined(separator: "\n")
  }

  /// One party's block: who it is, and lines to sign, seal and date.
  private func party(role: String, name: String, signer: String) -> String {
    let blank = "<span class=\"blank\"></span>"
    let date =
      language == .zh
      ? LetterMarkup.element("p", "日期：　　　　年　　月　　日", class: "line")
      : "<p class=\"line\">Date: \(blank)</p>"
    return [
      "<div class=\"party\">", LetterMarkup.element("p", role, class: "role"),
      LetterMarkup.element("p", name, class: "name"),
      "<p class=\"line\">\(HTML.escape(signer + say("：", ": ")))\(blank)</p>",
      "<p class=\"line\">\(HTML.escape(say("盖章：", "Seal: ")))\(blank)</p>", date, "</div>",
    ].joined(separator: "\n")
  }
}
