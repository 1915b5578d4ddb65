import ZhibiaoKernel

/// Elements of the letters' pages, their text always escaped.
enum LetterMarkup {
  /// `<tag class="…">text</tag>`.
  static func element(_ tag: String, _ text: String, class className: String? = nil) -> String {
    let attribute = className.map { " class=\"\(HTML.escape($0))\"" } ?? ""
    return "<\(tag)\(attribute)>\(HTML.escape(text))</\(tag)>"
  }

  /// A list (`ul` or `ol`) of texts.
  static func list(_ tag: String, _ items: [String], class className: String? = nil) -> String {
    let attribute = className.map { " class=\"\(HTML.escape($0))\"" } ?? ""
    return "<\(tag)\(attribute)>" + items.map { element("li", $0) }.joined() + "</\(tag)>"
  }

  /// The standing warning on illustrative base data, then `extra`, each in a caveat box.
  static func caveats(_ extra: LocalizedText?, in language: Language) -> String {
    ([baseDataCaveat] + (extra.map { [$0] } ?? [])).map { element("p", $0.text(in: language), class: "caveat") }
      .joined(separator: "\n")
  }

  /// The standing warning of every page: the base data are partly illustrative.
  static let baseDataCaveat = LocalizedText(
    zh: "基期数据含示意值，本责任书的目标仅供讨论，不作为正式下达依据。",
    en: "The base-year data contain illustrative values: these targets are for discussion and are not an "
      + "official issue.")
}

extension DistrictLetter {
  /// An element with the text in the letter's language.
  func element(_ tag: String, _ zh: String, _ en: String, class className: String? = nil) -> String {
    LetterMarkup.element(tag, say(zh, en), class: className)
  }
}
