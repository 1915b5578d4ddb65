import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoTestSupport

@testable import ZhibiaoHost

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The district target letters of the real plan, built in the process and by `zhibiao letters`.
@Suite("zhibiao letters: the district target letters")
struct LettersTests {
  /// The real plan, target book and scheme, loaded once for the suite.
  struct Inputs: Sendable {
    let plan: Plan
    let book: TargetBook
    let scheme: AssessmentScheme

    static let real: Inputs? = {
      let validation = HangzhouPlan.validation
      guard let plan = validation.plan, let book = validation.targetBook, let scheme = validation.scheme
      else { return nil }
      return Inputs(plan: plan, book: book, scheme: scheme)
    }()

    /// The letters of 2025 in both languages, by file name.
    static let letters: [Language: [String: String]] = {
      guard let real else { return [:] }
      return Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in
          let files = DistrictLetters(
            plan: real.plan, book: real.book, scheme: real.scheme, year: 2025, language: language
          ).files()
          return (language, Dictionary(files.map { ($0.name, $0.html) }, uniquingKeysWith: { first, _ in first }))
        })
    }()
  }

  let plan: Plan
  let book: TargetBook
  let scheme: AssessmentScheme
  let binjiang = OrgID("district.binjiang")

  init() throws {
    let inputs = try #require(Inputs.real, "the repository's Config does not load")
    (plan, book, scheme) = (inputs.plan, inputs.book, inputs.scheme)
  }

  func pages(_ language: Language = .zh) -> [String: String] { Inputs.letters[language] ?? [:] }

  func pages(_ language: Language, caveat: LocalizedText) -> [String: String] {
    let files = DistrictLetters(plan: plan, book: book, scheme: scheme, year: 2025, language: language, caveat: caveat)
      .files()
    return Dictionary(files.map { ($0.name, $0.html) }, uniquingKeysWith: { first, _ in first })
  }

  @Test("One letter per district, named by its org id, and an index that links every one")
  func oneLetterPerDistrict() throws {
    let pages = pages()
    #expect(plan.districts.count == 13)
    #expect(pages.count == 14)
    let index = try #require(pages["index.html"])
    for district in plan.districts {
      let page = try #require(pages["\(district.id.rawValue).html"], "no letter for \(district.id)")
      #expect(page.contains("<h1>\(district.name.zh)2025年生产性服务业发展目标责任书</h1>"))
      #expect(index.contains("<a href=\"\(district.id.rawValue).html\">\(district.name.zh)</a>"))
    }
  }

  @Test("Every page is complete: language, title, caveat, and a body that parses as XML", arguments: Language.allCases)
  func pagesAreWellFormed(_ language: Language) throws {
    let caveat = LocalizedText(zh: "示例数据 <b>勿引用</b> & 仅供演示", en: "Sample <b>data</b> & demo only")
    for (name, html) in pages(language, caveat: caveat) {
      #expect(html.hasPrefix("<!DOCTYPE html>"), "\(name)")
      #expect(html.contains("<html lang=\"\(language == .zh ? "zh-Hans" : "en")\">"), "\(name)")
      #expect(try Regex("<title>[^<]+</title>").firstMatch(in: html) != nil, "\(name) has no title")
      #expect(html.contains(HTML.escape(caveat.text(in: language))), "\(name) lacks the caveat, escaped")
      #expect(!html.contains("<b>"), "\(name) lets markup through")
      #expect(html.contains(language == .zh ? "基期数据含示意值" : "illustrative values"), "\(name)")
      let body = try #require(html.range(of: "<body>").map { html[$0.lowerBound...] })
      let end = try #require(body.range(of: "</body>"))
      let parser = XMLParser(data: Data(body[..<end.upperBound].utf8))
      #expect(parser.parse(), "\(name) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
    }
  }

  @Test("A name with an apostrophe is escaped wherever it appears")
  func namesAreEscaped() throws {
    let page = try #require(pages(.en)["district.linan.html"])
    #expect(page.contains("Lin&#39;an District"))
    #expect(!page.contains("Lin'an"))
  }

  @Test("Binjiang's 2025 letter states each of its annual targets in the book, with the owner bureau")
  func annualTargets() throws {
    let table = try Self.table("annual", in: try #require(pages()["district.binjiang.html"]))
    let entries = book.entries(org: binjiang, year: 2025, quarterly: false)
    #expect(entries.count >= 30)
    #expect(Self.rowCount(in: table) == entries.count)
    for entry in entries {
      let indicator = try #require(plan.indicator(entry.indicator))
      let row = try Self.row(entry.indicator.rawValue, in: table)
      #expect(row.contains(">\(HTML.escape(indicator.name.zh))<"))
      #expect(row.contains(">\(try #require(plan.org(indicator.owner)).name.zh)<"))
      #expect(Self.numbers(in: row) == [try Self.expected(entry, indicator)], "\(entry.indicator)")
    }
  }

  @Test("A flow's 1-12月 milestone is its annual target, and the milestones grow through the year")
  func quarterlyMilestones() throws {
    let table = try Self.table("quarterly", in: try #require(pages()["district.binjiang.html"]))
    let flows = book.entries(org: binjiang, year: 2025, quarterly: false).filter {
      plan.indicator($0.indicator)?.kind == .flow && $0.value != nil
        && book.target($0.indicator, binjiang, .quarter(4, of: 2025)) != nil
    }
    #expect(flows.count >= 10)
    for entry in flows {
      #expect(book.target(entry.indicator, binjiang, .quarter(4, of: 2025))?.value == entry.value)
      let indicator = try #require(plan.indicator(entry.indicator))
      let cells = Self.numbers(in: try Self.row(entry.indicator.rawValue, in: table))
      #expect(cells.count == 4)
      #expect(cells.last == (try Self.expected(entry, indicator)), "\(entry.indicator)")
      let values = cells.compactMap { Decimal(string: String($0.split(separator: " ").last ?? ""), locale: nil) }
      #expect(values.count == 4 && values == values.sorted(), "\(entry.indicator): \(cells)")
    }
  }

  @Test("Every district item of the scheme is in the letter with its weight, and the weights add up")
  func assessmentItems() throws {
    let section = try #require(scheme.section(for: .district))
    for district in plan.districts {
      let table = try Self.table("items", in: try #require(pages()["\(district.id.rawValue).html"]))
      var total = Decimal(0)
      for item in section.items {
        let cells = Self.numbers(in: try Self.row(item.id, in: table))
        #expect(cells.count == 5, "\(item.id): \(cells)")
        #expect(cells[1] == "\(item.weight)", "\(district.id) \(item.id)")
        total += try #require(Decimal(string: cells[2], locale: nil))
      }
      #expect(total == section.basicPoints, "\(district.id): weights add up to \(total)")
    }
    let page = try #require(pages()["district.binjiang.html"])
    let va = try Self.row("plan.producer_services_va", in: try Self.table("items", in: page))
    #expect(va.contains("完成率法：得分 = 15 × min(c, 120%)；c &lt; 60% 得0分"))
    #expect(va.contains("18.00"))
    for text in ["⌊13 × 15%⌋ = 1", "合计封顶 5 分", "合计封顶 10 分", "等次最高评为合格", "重点指标得分高者在前"] {
      #expect(page.contains(text), "missing \(text)")
    }
  }

  @Test("The signature block names both parties, with lines to sign and seal")
  func signatures() throws {
    let page = try #require(pages()["district.binjiang.html"])
    let block = try #require(page.range(of: "<section class=\"signatures\">").map { String(page[$0.lowerBound...]) })
    for text in ["滨江区人民政府", "市现代服务业发展工作领导小组办公室", "签字", "盖章", "区、县(市)人民政府"] {
      #expect(block.contains(text), "missing \(text)")
    }
  }

  @Test("The English letter has English headings throughout")
  func englishHeadings() throws {
    let page = try #require(pages(.en)["district.binjiang.html"])
    #expect(page.contains("<h1>Binjiang District: Producer Services Target Letter 2025</h1>"))
    let headings = page.matches(of: try Regex("<h[23]>([^<]*)</h[23]>")).map { String(page[$0.range]) }
    #expect(headings.count >= 10)
    for heading in headings {
      #expect(!heading.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(heading)")
    }
    for text in ["Annual targets", "Quarterly milestones", "Assessment rules", "Signatures"] {
      #expect(page.contains(text), "missing \(text)")
    }
    let va = try #require(plan.indicator("plan.producer_services_va"))
    #expect(page.contains(">\(HTML.escape(va.name.en))<"))
  }

  @Test("zhibiao letters writes the index and 13 letters, and refuses a year outside the plan")
  func command() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(["letters", "--year", "2025", "--out", "letters"])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains("13"))
    let written = try FileManager.default.contentsOfDirectory(atPath: run.path("letters"))
    let letters = ["index.html"] + plan.districts.map { "\($0.id.rawValue).html" }
    // Beside the pages, the list of what was written (for writing the folder again).
    #expect(Set(written) == Set(letters + [".zhibiao-files"]))
    let manifest = try String(contentsOfFile: run.path("letters/.zhibiao-files"), encoding: .utf8)
    #expect(Set(manifest.split(separator: "\n").map(String.init)) == Set(letters))
    let english = try run.run(["letters", "--year", "2024", "--out", "en", "--lang", "en"])
    #expect(english.status == 0, "\(english.errors)")
    let index = try String(contentsOfFile: run.path("en/index.html"), encoding: .utf8)
    #expect(index.contains("<html lang=\"en\">") && index.contains("2024"))
    let refused = try run.run(["letters", "--year", "2030", "--out", "late"])
    #expect(refused.status != 0)
    #expect(refused.errors.contains("2030") && refused.errors.contains("2022–2025"))
    #expect(!FileManager.default.fileExists(atPath: run.path("late")))
  }

  // MARK: - Reading the pages

  /// The table of `className`.
  static func table(_ className: String, in page: String) throws -> String {
    let start = try #require(page.range(of: "<table class=\"\(className)\">"), "no \(className) table")
    let end = try #require(page[start.upperBound...].range(of: "</table>"))
    return String(page[start.lowerBound..<end.upperBound])
  }

  /// The row showing `id`.
  static func row(_ id: String, in table: String) throws -> String {
    let start = try #require(table.range(of: "<tr data-id=\"\(id)\">"), "no row for \(id)")
    let end = try #require(table[start.upperBound...].range(of: "</tr>"))
    return String(table[start.lowerBound..<end.upperBound])
  }

  static func rowCount(in table: String) -> Int { table.components(separatedBy: "<tr data-id=").count - 1 }

  /// The texts of the numeric cells of a row.
  static func numbers(in row: String) -> [String] {
    row.matches(of: #/<td class="num">([^<]*)</td>/#).map { String($0.output.1) }
  }

  /// A target as the book gives it, at the indicator's precision, escaped as the page writes it.
  static func expected(_ entry: TargetBook.Entry, _ indicator: Indicator) throws -> String {
    let comparator = try #require(entry.comparator)
    let value = try #require(entry.value)
    let prefix = [Target.Measure.increase: "新增 ", .cumulative: "累计新增 ", .averageAnnual: "年均 "][entry.measure] ?? ""
    return prefix + comparator.symbol + " " + DecimalArithmetic.text(value, step: indicator.precision)
  }
}
