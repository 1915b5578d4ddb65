import ZhibiaoKernel

extension ReportBuilder {
  /// Every formula the report uses, so that a reader can recompute any figure by hand.
  func methodsSection() -> ReportSection {
    let settings = plan.monitoringSettings
    let yellow = ReportNumber.plain(settings.bands.yellowPoints)
    let rateYellow = ReportNumber.plain(settings.bands.rateYellowPoints)
    let threshold = ReportNumber.plain(settings.outlierThreshold)
    let points = ReportNumber.plain(settings.outlierMinimumPoints)
    let ahead = ReportNumber.plain(settings.aheadPoints)
    let behind = ReportNumber.plain(settings.behindPoints)
    var blocks: [ReportBlock] = [
      .heading(t("1. 序时进度与灯色", "1. Pace and lights")),
      .bullets([
        t(
          "序时进度 ρ = 累计实际 ÷ (年度目标 × S_q)，S_q 为目标分解表所用的季节性累计占比（无季节性资料时为时间进度 q/4）；越低越好的指标取倒数。",
          "Pace ρ = actual year to date ÷ (annual target × S_q), S_q the seasonal cumulative share the target book "
            + "used (time elapsed q/4 without a seasonal profile); inverted when lower is better."),
        t(
          "比率与增速类指标以“累计实际 − 序时目标”的百分点差衡量。",
          "Rates and growth rates are judged by actual − milestone, in percentage points."),
        t(
          "灯色：落后点数 b = (1 − ρ) × 100；b ≤ 0 为绿，0 < b ≤ \(yellow) 为黄，b > \(yellow) 为红；比率类黄灯上限为 \(rateYellow) 个百分点；无数据为灰。",
          "Lights: points behind b = (1 − ρ) × 100; green when b ≤ 0, yellow when 0 < b ≤ \(yellow), red beyond; "
            + "for rates the yellow band ends at \(rateYellow) pt; grey without data."),
        t("较上期：与上一季度灯色相比为改善、恶化、持平或新增。", "Since last period: improved, worsened, unchanged or new."),
      ]),
      .heading(t("2. 规划期进展", "2. Progress over the plan period")),
      .bullets([
        t(
          "目标一致法：进展 = (x_t − x_0) ÷ (x_T − x_0)，与时间进度 t/n 相比：已达目标为“提前实现”，领先 \(ahead) 个百分点以上为“快于预期”，落后不足 \(behind) 个百分点为“基本符合预期”，否则为“滞后”。",
          "Progress (x_t − x_0) ÷ (x_T − x_0) against time elapsed t/n: achieved early once the target is reached, "
            + "ahead when more than \(ahead) points ahead, on track when less than \(behind) points behind, else behind."
        ),
        t(
          "增速比 R = d·CR_a ÷ |CR_r|，CR_a 为基期以来实际年均增速，CR_r 为实现目标所需年均增速；R ≥ \(ReportNumber.plain(settings.substantialProgressRatio)) 为符合，≥ \(ReportNumber.plain(settings.moderateProgressRatio)) 为稍慢，否则为明显偏慢（Open SDG 方法）。",
          "Growth ratio R = d·CR_a ÷ |CR_r|, actual against required compound annual growth; on track at "
            + "\(ReportNumber.plain(settings.substantialProgressRatio)) or more, moderate from "
            + "\(ReportNumber.plain(settings.moderateProgressRatio)), else off track (the Open SDG method)."),
      ]),
      .heading(t("3. 年末预计", "3. Year-end projection")),
      .bullets([
        t("占比法：C_q ÷ S_q。", "Share of year: C_q ÷ S_q."),
        t("上年规律法：Y_{y−1} × C_q ÷ C_{q,y−1}。", "Last year's pattern: Y_{y−1} × C_q ÷ C_{q,y−1}."),
        t(
          "剩余季度按本年增速：C_q + (Y_{y−1} − C_{q,y−1}) × c_q ÷ c_{q,y−1}；报告列出三者的最低与最高值。",
          "Remaining quarters at this year's growth: C_q + (Y_{y−1} − C_{q,y−1}) × c_q ÷ c_{q,y−1}; the report "
            + "shows the lowest and highest of the three."),
      ]),
      .heading(t("4. 数据质量", "4. Data quality")),
      .bullets([
        t(
          "迟报：季末后 \(settings.dueDays) 天仍未报送或晚于该日报送；缺报：无数据。",
          "Late: reported after, or still missing \(settings.dueDays) days after the quarter's end; missing: no figure."
        ),
        t("累计值下降：本季累计低于上季累计。", "Year to date falls: below the previous quarter's year to date."),
        t("区县合计与全市不符：可加总指标 Σ 区县 ≠ 全市。", "Districts do not add up: Σ districts ≠ city for additive indicators."),
        t(
          "异常值：对同比增速计算修正 z 分数 M = 0.6745 × (x − 中位数) ÷ MAD，|M| > \(threshold) 且偏离中位数至少 \(points) 个百分点为异常（至少 \(settings.outlierMinimumCount) 个值）；MAD = 0 时 M = (x − 中位数) ÷ (1.253314 × 平均绝对偏差)，两者均为 0 时不判定。",
          "Outliers: on year-on-year growth, modified z-score M = 0.6745 × (x − median) ÷ MAD, flagged beyond "
            + "\(threshold) and at least \(points) pt from the median (with \(settings.outlierMinimumCount) values or "
            + "more); when MAD = 0, M = (x − median) ÷ (1.253314 × mean absolute deviation); not judged when both are 0."
        ),
      ]),
      .heading(t("5. 区县综合灯色", "5. A district's overall light")),
      .paragraph(tileCaption),
    ]
    if let assessment = inputs.assessment { blocks += schemeBlocks(assessment.scheme) }
    let sources = inputs.assessment == nil ? 6 : 7
    blocks.append(.heading(t("\(sources). 数据来源", "\(sources). Sources")))
    blocks.append(
      .paragraph(
        t(
          "目标值来自《\(plan.name.zh)》；区县目标由目标分解表按配置的分解方法计算；实际值为各区县、部门报送的年初至季末累计数。",
          "Targets come from the \(plan.name.en); district targets from the target book's configured methods; actuals "
            + "are the year-to-date figures the districts and bureaus report.")))
    blocks.append(
      .paragraph(
        inputs.monitoring.targets.map { $0.text.text(in: language) }
          ?? TargetCitation.unissued(period.year).text(in: language)))
    if let caveat = inputs.caveat { blocks.append(.note(caveat.text(in: language))) }
    blocks.append(.heading(t("\(sources + 1). 指标口径与来源", "\(sources + 1). What each indicator measures")))
    blocks.append(
      .note(
        t(
          "口径、来源单位与滞后天数取自方案与各牵头部门的说明；未经牵头部门确认的标为“待确认”。",
          "Definitions, producing orgs and lags come from the plan and the lead bureaus; those a lead bureau has not "
            + "confirmed read “to be confirmed”.")))
    blocks.append(.table(statisticsTable()))
    return ReportSection(id: "methods", title: t("附录：方法说明", "Appendix: methods"), newPage: true, blocks: blocks)
  }

  /// Every indicator's definition (口径), the org producing it, its frequency and lag, and
  /// whether that is confirmed.
  func statisticsTable() -> ReportTable {
    let rows = plan.indicators.map { indicator -> [ReportCell] in
      let facts = indicator.statistics
      let source = facts.source.map { id in plan.org(id)?.name.text(in: language) ?? id.rawValue }
      let frequency =
        switch indicator.frequency {
        case .quarterly: t("季度", "quarterly")
        case .annual: t("年度", "annual")
        }
      return [
        ReportCell(indicator.name.text(in: language), value: .text(indicator.id.rawValue)),
        ReportCell(
          facts.definition?.text(in: language) ?? "—",
          value: facts.definition.map { .text($0.text(in: language)) } ?? .null),
        ReportCell(
          source ?? (plan.derivation(for: indicator.id) != nil ? t("由其他指标计算", "computed") : "—"),
          value: facts.source.map { .text($0.rawValue) } ?? .null),
        ReportCell(frequency, value: .text(indicator.frequency.rawValue)),
        ReportCell(
          facts.lagDays.map { t("\($0) 天", "\($0) days") } ?? "—", value: facts.lagDays.map { .integer($0) } ?? .null),
        ReportCell(facts.status.text(in: language), value: .text(facts.confirmed ? "confirmed" : "to_be_confirmed")),
      ]
    }
    return ReportTable(
      file: "indicators",
      columns: [
        ReportColumn("indicator", t("指标", "Indicator")), ReportColumn("definition", t("口径", "Definition")),
        ReportColumn("source", t("来源单位", "Produced by"), compact: true),
        ReportColumn("frequency", t("频率", "Frequency"), compact: true),
        ReportColumn("lag_days", t("滞后", "Lag"), numeric: true, compact: true),
        ReportColumn("status", t("状态", "Status"), compact: true),
      ], rows: rows)
  }

  /// The assessment scheme: each section's items, rules, grades, quotas, caps and tie-break.
  func schemeBlocks(_ scheme: AssessmentScheme) -> [ReportBlock] {
    var blocks: [ReportBlock] = [.heading(t("6. 考核方案：\(scheme.name.zh)", "6. Assessment scheme: \(scheme.name.en)"))]
    blocks.append(
      .paragraph(
        t(
          "实得分 = 基本分 + 加分 − 扣分；一票否决不计入得分，只限定等次上限。",
          "Total = basic + bonus − deduction; a veto does not enter the score, it caps the grade.")))
    let rules = ScoringRule.all.map { "\($0.name.text(in: language))\(colon)\($0.formula.text(in: language))" }
    blocks.append(.bullets(rules))
    for section in scheme.sections {
      let who = section.orgKind == .district ? t("区县（市）", "Districts") : t("牵头部门", "Lead bureaus")
      var lines = section.items.map { item in
        "\(item.name.text(in: language))\(colon)\(item.weight) \(t("分", "points")) · \(item.rule.description.name.text(in: language))"
      }
      if let owned = section.owned {
        lines.append(
          t("所牵头指标合计 \(owned.points) 分，按指标平均分配。", "Owned indicators: \(owned.points) points shared equally."))
      }
      let grades = section.grades.map { grade in
        "\(grade.name.text(in: language)) ≥ \(grade.from)"
          + (grade.quota.map { t("（不超过 \($0 * 100)%）", " (at most \($0 * 100)%)") } ?? "")
      }
      if !grades.isEmpty { lines.append(t("等次：", "Grades: ") + grades.joined(separator: t("；", "; "))) }
      if let bonus = section.bonus { lines.append(t("加分上限 \(bonus.cap) 分", "Bonus capped at \(bonus.cap)")) }
      if let deduction = section.deduction {
        lines.append(t("扣分上限 \(deduction.cap) 分", "Deductions capped at \(deduction.cap)"))
      }
      if let veto = section.veto {
        let grade = section.grades.first { $0.id == veto.maxGrade }?.name.text(in: language) ?? veto.maxGrade
        lines.append(t("一票否决：等次最高为\(grade)", "Veto: the grade is at best \(grade)"))
      }
      if !section.tieBreak.isEmpty {
        lines.append(
          t("同分时：", "Ties: ") + section.tieBreak.map { $0.text.text(in: language) }.joined(separator: t("；", "; ")))
      }
      blocks.append(.paragraph(who + bracketed("\(t("基本分", "basic")) \(section.basicPoints)")))
      blocks.append(.bullets(lines))
    }
    return blocks
  }
}
