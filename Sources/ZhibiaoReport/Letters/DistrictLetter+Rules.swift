import Foundation
import ZhibiaoKernel

extension DistrictLetter {
  /// An item's rule with its numbers filled in for a weight, e.g.
  /// "完成率法：得分 = 15 × min(c, 120%)；c < 60% 得0分".
  func ruleInWords(_ rule: ScoringRule, weight: Decimal, scheme: AssessmentScheme) -> String {
    let w = LetterNumber.plain(weight)
    let ruleName = name(rule.description.name)
    switch rule {
    case .completion(let completion):
      let cap = LetterNumber.percent(completion.cap)
      var text = say("\(ruleName)：得分 = \(w) × min(c, \(cap))", "\(ruleName): points = \(w) × min(c, \(cap))")
      if let floor = completion.floor.map(LetterNumber.percent) {
        text += say("；c < \(floor) 得0分", "; 0 if c < \(floor)")
      }
      return text
    case .gap(let gap):
      let k = LetterNumber.plain(gap.perPoint)
      var text = say(
        "\(ruleName)：达到目标得 \(w) 分；每低1个百分点扣 \(k) 分，扣完为止",
        "\(ruleName): \(w) at or above target; −\(k) per percentage point below, not below 0")
      if gap.perPointAbove > 0 {
        let (above, room) = (LetterNumber.plain(gap.perPointAbove), LetterNumber.plain(weight * (gap.cap - 1)))
        text += say(
          "；每高1个百分点加 \(above) 分，最多加 \(room) 分", "; +\(above) per point above, at most +\(room)")
      }
      return text
    case .piecewise(let piecewise):
      let k = LetterNumber.plain(piecewise.perPoint)
      let above = LetterNumber.plain(piecewise.above(weight: weight))
      let below = LetterNumber.plain(piecewise.below(weight: weight))
      return say(
        "\(ruleName)：达到目标得 \(w) 分；完成率每高1个百分点加 \(k) 分，最多加 \(above) 分；每低1个百分点扣 \(k) 分，最多扣 \(below) 分",
        "\(ruleName): \(w) on target; +\(k) per point of completion above 100%, at most +\(above); −\(k) per "
          + "point below, at most −\(below)")
    case .graded:
      let grades = scheme.taskGrades.map { "\(name($0.name)) \(LetterNumber.plain($0.value))" }
        .joined(separator: say("、", ", "))
      return say(
        "\(ruleName)：得分 = \(w) × 等次分值（\(grades)）；未评定不得分",
        "\(ruleName): points = \(w) × the grade's value (\(grades)); no grade, no points")
    }
  }

  /// Every rule the district's items use, once: its formula, its keys and its worked examples.
  func ruleDescriptions(_ section: AssessmentSection) -> String {
    let rules = Self.ordered(section.items.map(\.rule.id)).compactMap { id in
      section.items.first { $0.rule.id == id }?.rule.description
    }
    return rules.map { rule in
      var lines = ["<div class=\"rule\" data-rule=\"\(HTML.escape(rule.id))\">"]
      lines.append(
        "<p><strong>\(HTML.escape(name(rule.name)))</strong>\(say("：", ": "))\(HTML.escape(name(rule.formula)))</p>")
      if !rule.parameters.isEmpty {
        let keys = rule.parameters.map { parameter in
          let fallback = parameter.defaultValue.map { say("，缺省 \($0)", "; default \($0)") } ?? ""
          return
            "<li><code>\(HTML.escape(parameter.key))</code>\(say("：", ": "))\(HTML.escape(name(parameter.meaning) + fallback))</li>"
        }
        lines.append("<ul class=\"muted\">\(keys.joined())</ul>")
      }
      if !rule.examples.isEmpty {
        lines.append(element("p", "算例：", "Worked examples:", class: "muted"))
        lines.append(LetterMarkup.list("ol", rule.examples.map(example), class: "examples"))
      }
      lines.append("</div>")
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// A worked example: the rule as written, the figures, and the points with the working.
  private func example(_ example: ScoringRuleExample) -> String {
    var figures = [say("权重 \(LetterNumber.plain(example.weight))", "weight \(LetterNumber.plain(example.weight))")]
    if let actual = example.actual { figures.append(say("实际 ", "actual ") + LetterNumber.plain(actual)) }
    if let target = example.target { figures.append(say("目标 ", "target ") + LetterNumber.plain(target)) }
    if let grade = example.grade { figures.append(say("评定 ", "grade ") + grade) }
    if example.direction == .lower { figures.append(say("越小越好", "lower is better")) }
    let points = LetterNumber.points(example.points)
    return say(
      "\(example.yaml)，\(figures.joined(separator: "，"))：\(example.explanation)",
      "\(example.yaml), \(figures.joined(separator: ", ")): \(points) points")
  }
}
