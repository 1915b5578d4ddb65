import Foundation
import ZhibiaoKernel

/// One district's target letter (目标责任书) for a year: heading and issuing note, annual
/// targets, quarterly year-to-date milestones, key tasks, the assessment rules that apply to it,
/// and the signature block.
struct DistrictLetter {
  let plan: Plan
  let book: TargetBook
  let scheme: AssessmentScheme?
  let weights: LetterWeights?
  let district: Org
  let year: Int
  let language: Language
  let caveat: LocalizedText?
  let citation: TargetCitation?

  /// The text in the letter's language.
  func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// A name in the letter's language.
  func name(_ text: LocalizedText) -> String { text.text(in: language) }

  /// The page title, e.g. 滨江区2025年生产性服务业发展目标责任书.
  var title: String {
    say(
      "\(district.name.zh)\(year)年生产性服务业发展目标责任书",
      "\(district.name.en): Producer Services Target Letter \(year)")
  }

  /// The district's annual targets, in the book's order (plan order of indicators).
  var annual: [TargetBook.Entry] { book.entries(org: district.id, year: year, quarterly: false) }

  /// The complete page.
  func html() -> String {
    var body = ["<header>", "<h1>\(HTML.escape(title))</h1>", issuingNote(), caveats(), "</header>"]
    body += [annualTargets(), quarterlyMilestones(), keyTasks(), notes(), assessment(), signatures()]
    return HTML.page(
      title: title, language: language, style: LetterStyle.css,
      body: body.filter { !$0.isEmpty }.joined(separator: "\n"))
  }

  /// 依据…: the plan the targets come from and what the district and the office do with them.
  private func issuingNote() -> String {
    let planName = name(plan.name)
    let office = LetterOffice(plan: plan)
    let text = say(
      "依据《\(planName)》（基期 \(plan.baseYear) 年，目标年 \(plan.targetYear) 年），现将\(district.name.zh)"
        + "\(year) 年度生产性服务业发展目标、重点任务和考核规则下达如下。\(district.name.zh)按季度报送年初至季末累计数据；"
        + "\(office.name.zh)按季度监测预警，年度开展综合考核。",
      "Under the \(planName) (base year \(plan.baseYear), target year \(plan.targetYear)), the producer-services "
        + "targets, key tasks and assessment rules of \(district.name.en) for \(year) are set out below. "
        + "\(district.name.en) reports its year-to-date figures every quarter; the \(office.name.en) monitors them "
        + "quarterly and runs the annual consolidated assessment.")
    let issued = citation.map { "\n<p class=\"issued\">\(HTML.escape($0.text.text(in: language)))</p>" } ?? ""
    return "<p class=\"issuing\">\(HTML.escape(text))</p>" + issued
  }

  /// The standing warning on illustrative base data, and the caller's own.
  private func caveats() -> String { LetterMarkup.caveats(caveat, in: language) }
}

/// The office of the leading group (领导小组办公室), which issues the letters and counter-signs
/// them; the commission serves as it.
struct LetterOffice {
  /// E.g. 市现代服务业发展工作领导小组办公室.
  let name: LocalizedText

  init(plan: Plan) {
    let group = plan.org(plan.leadingGroup)?.name ?? LocalizedText(zh: "领导小组", en: "Leading Group")
    name = LocalizedText(zh: group.zh + "办公室", en: "Office of the " + group.en)
  }
}
