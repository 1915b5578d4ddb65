import Foundation
import ZhibiaoKernel

/// The district target letters (目标责任书) of a year: one printable page per district with its
/// annual and year-to-date quarterly targets, the bureau answerable for each, the key tasks that
/// name it and the assessment rules it will be scored by, plus an index page linking them.
///
/// Pure: it returns the pages as text and writes nothing.
public struct DistrictLetters: Sendable {
  /// The plan the targets come from.
  public let plan: Plan
  /// The target book the figures are read from.
  public let book: TargetBook
  /// The assessment scheme whose district section the letters quote; nil leaves it out.
  public let scheme: AssessmentScheme?
  /// The year of the targets.
  public let year: Int
  /// The language of the pages.
  public let language: Language
  /// A warning printed at the top of every page besides the one on illustrative base data.
  public let caveat: LocalizedText?
  /// The issued target version the letters carry, when the year's targets were issued.
  public let citation: TargetCitation?

  /// Letters of `year` in `language`.
  public init(
    plan: Plan, book: TargetBook, scheme: AssessmentScheme?, year: Int, language: Language,
    caveat: LocalizedText? = nil, citation: TargetCitation? = nil
  ) {
    self.citation = citation
    self.plan = plan
    self.book = book
    self.scheme = scheme
    self.year = year
    self.language = language
    self.caveat = caveat
  }

  /// The name of the page of `district`: its org id, e.g. `district.binjiang.html`.
  public static func fileName(of district: OrgID) -> String { "\(district.rawValue).html" }

  /// The name of the index page.
  public static let indexName = "index.html"

  /// The index page first, then one page per district in the plan's order.
  public func files() -> [LetterFile] {
    let weights = scheme.map { LetterWeights(scheme: $0, plan: plan, year: year) }
    let letters = plan.districts.map { district in
      DistrictLetter(
        plan: plan, book: book, scheme: scheme, weights: weights, district: district, year: year,
        language: language, caveat: caveat, citation: citation)
    }
    let index = LetterIndex(plan: plan, letters: letters, year: year, language: language, caveat: caveat)
    return [LetterFile(name: Self.indexName, html: index.html())]
      + letters.map { LetterFile(name: Self.fileName(of: $0.district.id), html: $0.html()) }
  }
}

/// One page of the letters: its file name and its complete HTML.
public struct LetterFile: Hashable, Sendable {
  /// The file name, e.g. `index.html` or `district.binjiang.html`.
  public var name: String
  /// The self-contained HTML page.
  public var html: String

  /// Creates a page.
  public init(name: String, html: String) {
    self.name = name
    self.html = html
  }
}
