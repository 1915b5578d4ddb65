// Fidelity of Config/ to the plan text (杭州市生产性服务业创新发展实施方案).
//
// The expectation table below is an independent reading of
// Config/source/hangzhou-producer-services-plan.zh.txt, made from the plan alone and never
// copied from the YAML. Each row names the plan section it comes from and the plan's own
// words, so a failing case points at the sentence that disagrees with the configuration.
//
// Reading rules (product spec, Config/README.md):
// - 突破 / 超过 / 超 / 达到 / 达 / 实现 / 以上 / 不低于 → at least (a bare figure after
//   力争/培育/落地 is read the same way); 前四 / 前三 → a rank at most (unit 位);
//   相持平 → parity between two indicators.
// - Amounts stay in the plan's unit family: 1.3万亿元 → 13000 亿元; 5000万元 → 5000 万元.
// - 新增 of a stock → increase; 新增科技型上市公司 (a flow of listings) → cumulative;
//   年均增速 → average annual; everything else → level.
// - Owner: the paragraph's 责任单位 where it names one, otherwise the domain lead of
//   四、保障措施（一）. The plan-level targets of 二、发展目标 go to the commission (市发改委),
//   except 国家级服务型制造示范 (市经信局).
// The expectation types are internal, not private, because parameterized tests take them;
// they carry a Fidelity prefix so as not to collide with other files of this test target.

import Foundation
import Testing
import ZhibiaoHost
import ZhibiaoKernel
import ZhibiaoTestSupport

// MARK: - Expectation types

/// How a target compares with its value. Mirrors the kernel's comparator so that the table
/// is plain test data, independent of how the kernel spells its types.
enum FidelityComparator: String, Sendable {
  case atLeast = "≥"
  case atMost = "≤"
  case parity = "="
}

/// What the target's value measures (mirrors the kernel's target measure).
enum FidelityMeasure: String, Sendable {
  case level
  case increase
  case cumulative
  case averageAnnual = "average annual"
}

/// Where the plan states an indicator, which fixes its domain and area.
enum FidelityPlacement: Sendable {
  /// 二、发展目标: a plan-level indicator, no domain and no area.
  case planLevel
  /// The lead paragraph of a 重点领域: the domain's headline indicator, no area.
  case headline
  /// Stated only in a 中心 paragraph of 二、发展目标: domain from the id, area not asserted
  /// (the plan does not place it in any area subsection).
  case centreOnly
  /// Stated in a numbered area subsection of 三、重点领域.
  case area(String)
}

/// One quantitative target as read from the plan.
struct FidelityTarget: Sendable, CustomTestStringConvertible {
  let id: String
  /// The plan section the target comes from.
  let section: String
  /// The plan's words that state the target (verbatim, checked against the plan text).
  let phrases: [String]
  let placement: FidelityPlacement
  let unit: String
  let comparator: FidelityComparator
  /// The value as written in the plan's unit family; nil for parity.
  let value: String?
  let measure: FidelityMeasure
  let owner: String
  /// The other side of a parity target.
  let partner: String?
  let year = 2025

  var decimalValue: Decimal? { value.map { Decimal(string: $0)! } }

  var testDescription: String {
    let rhs = value.map { "\($0) \(unit)" } ?? (partner ?? "?")
    let measureText = measure == .level ? "" : " (\(measure.rawValue))"
    return "\(id) \(comparator.rawValue) \(rhs)\(measureText) — \(section)"
  }
}

/// Shorthand constructors so that each table row reads like the plan sentence.
extension FidelityTarget {
  static func atLeast(
    _ id: String, _ value: String, _ unit: String, owner: String, _ placement: FidelityPlacement,
    measure: FidelityMeasure = .level, section: String, _ phrases: String...
  ) -> FidelityTarget {
    FidelityTarget(
      id: id, section: section, phrases: phrases, placement: placement, unit: unit,
      comparator: .atLeast, value: value, measure: measure, owner: owner, partner: nil)
  }

  static func rankAtMost(
    _ id: String, _ value: String, owner: String, section: String, _ phrases: String...
  ) -> FidelityTarget {
    FidelityTarget(
      id: id, section: section, phrases: phrases, placement: .planLevel, unit: "位",
      comparator: .atMost, value: value, measure: .level, owner: owner, partner: nil)
  }

  static func parity(
    _ id: String, with partner: String, _ unit: String, owner: String,
    _ placement: FidelityPlacement,
    section: String, _ phrases: String...
  ) -> FidelityTarget {
    FidelityTarget(
      id: id, section: section, phrases: phrases, placement: placement, unit: unit,
      comparator: .parity, value: nil, measure: .level, owner: owner, partner: partner)
  }
}

// MARK: - The reading of the plan

enum FidelityOwners {
  static let drc = "bureau.drc"  // 市发改委: commission; logistics lead
  static let econInfo = "bureau.econ_info"  // 市经信局: digital lead
  static let sciTech = "bureau.sci_tech"  // 市科技局: tech lead
  static let finance = "bureau.finance"  // 市地方金融监管局: finance lead
  static let commerce = "bureau.commerce"  // 市商务局: business lead
}

enum FidelityReading {
  /// Every quantitative target in the plan. All are for 2025 (力争到2025年 / 到2025年).
  static let targets: [FidelityTarget] = [
    // 二、发展目标（二）具体目标 — the "1" of 1+4+3.
    .atLeast(
      "plan.producer_services_va", "10000", "亿元", owner: FidelityOwners.drc, .planLevel,
      section: "二（二）具体目标", "全市生产性服务业增加值突破1万亿元"),
    .rankAtMost(
      "plan.producer_services_va_rank", "4", owner: FidelityOwners.drc,
      section: "二（二）具体目标", "居全国前四"),
    // 破 is read as 突破; the plan writes 2.2万亿 without 元.
    .atLeast(
      "plan.producer_services_revenue", "22000", "亿元", owner: FidelityOwners.drc, .planLevel,
      section: "二（二）具体目标", "生产性服务业规上营业收入破2.2万亿"),

    // 二（二）2 三个争先.
    .atLeast(
      "plan.service_manufacturing_demos", "15", "家", owner: FidelityOwners.econInfo, .planLevel,
      section: "二（二）2 两业融合争先", "杭州国家级服务型制造示范企业（项目、平台）达到15家以上"),
    .rankAtMost(
      "plan.net_zero_rank", "3", owner: FidelityOwners.drc,
      section: "二（二）2 数字赋能争先", "城市净零碳发展水平排名力争进入全国前三"),

    // 二（二）1 全球数字贸易中心, and 三（一） 数字服务.
    .atLeast(
      "digital.ict_revenue", "13000", "亿元", owner: FidelityOwners.econInfo, .centreOnly,
      section: "二（二）1 全球数字贸易中心", "全市信息传输、软件和信息技术服务业营业收入达到1.3万亿元以上"),
    // Stated in the centre and again in 数字贸易, whose 责任单位 is 市商务局.
    .atLeast(
      "digital.digital_trade", "2300", "亿元", owner: FidelityOwners.commerce, .area("digital.trade"),
      section: "二（二）1 全球数字贸易中心; 三（一）2 数字贸易",
      "数字贸易额突破2300亿元", "力争全市实现数字贸易额2300亿元"),
    .parity(
      "digital.digital_economy_services_revenue_share", with: "digital.services_va_share_gdp", "%",
      owner: FidelityOwners.econInfo, .headline, section: "三（一） 数字服务",
      "规上数字经济服务业营业收入占规上服务业营业收入比重与服务业增加值占GDP比重相持平"),
    // 三（一）1 信息软件 (责任单位：市经信局).
    .atLeast(
      "digital.software_revenue", "13000", "亿元", owner: FidelityOwners.econInfo,
      .area("digital.software"),
      section: "三（一）1 信息软件", "力争软件和信息技术服务业营业收入突破1.3万亿元"),
    // 三（一）2 数字贸易 (责任单位：市商务局).
    .atLeast(
      "digital.trade_platforms", "5", "个", owner: FidelityOwners.commerce, .area("digital.trade"),
      section: "三（一）2 数字贸易", "培育具有国际影响力的数字贸易平台5个"),
    .atLeast(
      "digital.cross_border_ecommerce", "1500", "亿元", owner: FidelityOwners.commerce,
      .area("digital.trade"), section: "三（一）2 数字贸易", "实现跨境电商进出口额1500亿元"),
    // 三（一）3 直播电商 (no 责任单位: domain lead).
    .atLeast(
      "digital.live_commerce_gmv", "10000", "亿元", owner: FidelityOwners.econInfo,
      .area("digital.live_commerce"), section: "三（一）3 直播电商", "力争全市直播电商交易额达到10000亿元"),
    .atLeast(
      "digital.top_mcn_seats", "5", "席", owner: FidelityOwners.econInfo,
      .area("digital.live_commerce"),
      section: "三（一）3 直播电商", "占据中国直播电商 MCN 机构前十强中的5席以上"),
    // 三（一）4 数字内容: stays in 万元.
    .atLeast(
      "digital.data_trade_value", "5000", "万元", owner: FidelityOwners.econInfo,
      .area("digital.content"),
      section: "三（一）4 数字内容", "力争数据要素与数字资产交易成交额实现5000万元"),

    // 二（二）1 综合性国家科学中心, and 三（二） 科技服务.
    .atLeast(
      "tech.srts_revenue", "1500", "亿元", owner: FidelityOwners.sciTech, .headline,
      section: "二（二）1 综合性国家科学中心; 三（二） 科技服务",
      "全市规模以上科学研究和技术服务业营业收入超过1500亿元", "全市科学研究和技术服务业规上营业收入实现1500亿元"),
    .atLeast(
      "tech.rd_intensity", "4", "%", owner: FidelityOwners.sciTech, .area("tech.research"),
      section: "三（二）1 研究开发", "力争R&D经费支出占GDP比重达4%"),
    .atLeast(
      "tech.national_incubators", "70", "个", owner: FidelityOwners.sciTech, .area("tech.research"),
      section: "三（二）1 研究开发", "落地国家级科技企业孵化器70个"),
    .atLeast(
      "tech.technology_transactions", "1500", "亿元", owner: FidelityOwners.sciTech,
      .area("tech.professional"), section: "三（二）2 专业技术服务", "力争技术交易额达1500亿元"),
    .atLeast(
      "tech.ip_transactions", "3", "亿元", owner: FidelityOwners.sciTech, .area("tech.ip"),
      section: "三（二）3 知识产权", "力争知识产权交易金额达3亿元"),
    .atLeast(
      "tech.testing_revenue", "150", "亿元", owner: FidelityOwners.sciTech, .area("tech.testing"),
      section: "三（二）4 检验检测", "力争全市检验检测总收入超150亿元"),
    .atLeast(
      "tech.national_design_centres", "15", "家", owner: FidelityOwners.sciTech,
      .area("tech.design"),
      section: "三（二）5 工业设计", "力争国家级工业设计中心达15家"),
    // 达 of the previous clause carries over: 国家级…达15家，省级工业设计中心73家.
    .atLeast(
      "tech.provincial_design_centres", "73", "家", owner: FidelityOwners.sciTech,
      .area("tech.design"),
      section: "三（二）5 工业设计", "省级工业设计中心73家"),
    .atLeast(
      "tech.design_revenue", "100", "亿元", owner: FidelityOwners.sciTech, .area("tech.design"),
      section: "三（二）5 工业设计", "全市主要设计企业服务总收入达到100亿元"),

    // 二（二）1 全国金融创新中心, and 三（三） 金融服务.
    .atLeast(
      "finance.finance_va", "2800", "亿元", owner: FidelityOwners.finance, .headline,
      section: "二（二）1 全国金融创新中心; 三（三） 金融服务",
      "全市金融业增加值达到2800亿元", "力争全市金融业增加值实现2800亿元"),
    .atLeast(
      "finance.fintech_leaders", "10", "家", owner: FidelityOwners.finance, .area("finance.fintech"),
      section: "三（三）1 金融科技", "力争全市金融科技领军企业达到10家"),
    // New listings are a flow: the target is their sum over 2022–2025.
    .atLeast(
      "finance.new_tech_listings", "60", "家", owner: FidelityOwners.finance,
      .area("finance.scitech"),
      measure: .cumulative, section: "三（三）2 科创金融", "力争全市新增科技型上市公司超60家"),
    .atLeast(
      "finance.green_loan_growth", "20", "%", owner: FidelityOwners.finance, .area("finance.green"),
      measure: .averageAnnual, section: "三（三）3 绿色金融", "力争绿色贷款年均增速不低于20%"),

    // 二（二）1 全球物流服务中心, and 三（四） 物流服务.
    .atLeast(
      "logistics.logistics_va", "1300", "亿元", owner: FidelityOwners.drc, .centreOnly,
      section: "二（二）1 全球物流服务中心", "全市物流业增加值达到1300亿元"),
    .atLeast(
      "logistics.logistics_revenue", "3200", "亿元", owner: FidelityOwners.drc, .headline,
      section: "三（四） 物流服务", "规上物流企业营收突破3200亿元"),
    .atLeast(
      "logistics.transport_va", "560", "亿元", owner: FidelityOwners.drc, .headline,
      section: "三（四） 物流服务", "全市交通运输、仓储和邮政业增加值突破560亿元"),
    .atLeast(
      "logistics.express_revenue", "1000", "亿元", owner: FidelityOwners.drc,
      .area("logistics.express"),
      section: "三（四）2 快递物流", "快递业务收入超过1000亿元"),
    .atLeast(
      "logistics.inland_port_cargo", "1.5", "亿吨", owner: FidelityOwners.drc,
      .area("logistics.green"),
      section: "三（四）4 绿色物流", "力争内河港口货物吞吐量突破1.5亿吨"),
    .atLeast(
      "logistics.inland_port_containers", "12", "万标箱", owner: FidelityOwners.drc,
      .area("logistics.green"), section: "三（四）4 绿色物流", "集装箱吞吐量突破12万标箱"),
    .atLeast(
      "logistics.smart_demo_enterprises", "15", "家", owner: FidelityOwners.drc,
      .area("logistics.smart"),
      section: "三（四）5 智慧物流", "力争数智化转型示范企业达到15家"),
    .atLeast(
      "logistics.smart_parks", "10", "家", owner: FidelityOwners.drc, .area("logistics.smart"),
      section: "三（四）5 智慧物流", "智慧物流园区达到10家"),

    // 三（五） 商务服务.
    .atLeast(
      "business.leasing_va", "600", "亿元", owner: FidelityOwners.commerce, .headline,
      section: "三（五） 商务服务", "力争全市租赁和商务服务业增加值实现600亿元"),
    // 新增 of a stock (UFI-certified fairs held in Hangzhou).
    .atLeast(
      "business.ufi_fairs", "3", "个", owner: FidelityOwners.commerce, .area("business.exhibition"),
      measure: .increase, section: "三（五）1 会展服务", "力争新增国际展览业协会（UFI）认证会展项目3个"),
    .atLeast(
      "business.hr_parks", "4", "家", owner: FidelityOwners.commerce, .area("business.hr"),
      section: "三（五）2 人力资源服务", "力争建设省级以上人力资源产业园4家以上"),
    .atLeast(
      "business.design_leaders", "10", "家", owner: FidelityOwners.commerce,
      .area("business.creative"),
      section: "三（五）3 创意设计", "力争培育创意设计龙头领军企业10家"),
    .atLeast(
      "business.hq_enterprises", "100", "家", owner: FidelityOwners.commerce, .area("business.hq"),
      measure: .increase, section: "三（五）4 总部经济", "力争总部企业数量新增100家以上"),
    .atLeast(
      "business.hq_10bn", "60", "家", owner: FidelityOwners.commerce, .area("business.hq"),
      section: "三（五）4 总部经济", "百亿级总部企业突破60家以上"),
    .atLeast(
      "business.hq_100bn", "10", "家", owner: FidelityOwners.commerce, .area("business.hq"),
      section: "三（五）4 总部经济", "千亿级总部企业突破10家以上"),
  ]

  /// 二（二）2: aims stated in words only.
  static let qualitative = ["plan.industrial_digitalisation_index", "plan.new_business_models"]

  /// 二（二）2 模式创新争先: the eight new business models, by a distinctive fragment each.
  static let businessModels = [
    "智能工厂", "工业互联网", "柔性化定制", "共享型生产", "智能制造诊断", "综合生产性服务平台", "物流一体化供应链",
    "S2B2C",
  ]

  /// Numerators, denominators, balances and parity partners: no targets of their own.
  static let supporting = [
    "plan.gdp", "plan.services_va", "plan.services_revenue", "digital.services_va_share_gdp",
    "digital.digital_economy_services_revenue", "tech.rd_expenditure", "finance.green_loan_balance",
  ]
}

/// A goal group of the 1+4+3 system (二、发展目标).
struct FidelityGoal: Sendable, CustomTestStringConvertible {
  enum Kind: String, Sendable { case overall, centre, pioneer }
  let id: String
  let kind: Kind
  let indicators: Set<String>
  var testDescription: String { id }

  /// 一个总体目标 (the figures of 具体目标's first sentence), 四个中心, 三个争先.
  static let all: [FidelityGoal] = [
    FidelityGoal(
      id: "goal.overall", kind: .overall,
      indicators: [
        "plan.producer_services_va", "plan.producer_services_va_rank",
        "plan.producer_services_revenue",
      ]),
    FidelityGoal(
      id: "goal.centre.digital_trade", kind: .centre,
      indicators: ["digital.ict_revenue", "digital.digital_trade"]),
    FidelityGoal(id: "goal.centre.science", kind: .centre, indicators: ["tech.srts_revenue"]),
    FidelityGoal(id: "goal.centre.finance", kind: .centre, indicators: ["finance.finance_va"]),
    FidelityGoal(
      id: "goal.centre.logistics", kind: .centre, indicators: ["logistics.logistics_va"]),
    FidelityGoal(
      id: "goal.pioneer.integration", kind: .pioneer,
      indicators: ["plan.service_manufacturing_demos"]),
    FidelityGoal(
      id: "goal.pioneer.digital_empowerment", kind: .pioneer,
      indicators: ["plan.industrial_digitalisation_index", "plan.net_zero_rank"]),
    FidelityGoal(
      id: "goal.pioneer.model_innovation", kind: .pioneer, indicators: ["plan.new_business_models"]),
  ]
}

/// A 重点领域 with its lead (四、保障措施（一）) and its area subsections in the plan's order.
struct FidelityDomain: Sendable, CustomTestStringConvertible {
  let id: String
  let lead: String
  let areas: [String]
  /// Areas whose paragraph names its own 责任单位 different from the domain lead.
  let areaLeads: [String: String]
  var testDescription: String { id }

  static let all: [FidelityDomain] = [
    FidelityDomain(
      id: "digital", lead: FidelityOwners.econInfo,
      areas: ["digital.software", "digital.trade", "digital.live_commerce", "digital.content"],
      areaLeads: ["digital.trade": FidelityOwners.commerce]),
    FidelityDomain(
      id: "tech", lead: FidelityOwners.sciTech,
      areas: ["tech.research", "tech.professional", "tech.ip", "tech.testing", "tech.design"],
      areaLeads: [:]),
    FidelityDomain(
      id: "finance", lead: FidelityOwners.finance,
      areas: ["finance.fintech", "finance.scitech", "finance.green"], areaLeads: [:]),
    FidelityDomain(
      id: "logistics", lead: FidelityOwners.drc,
      areas: [
        "logistics.air", "logistics.express", "logistics.cold_chain", "logistics.green",
        "logistics.smart",
      ],
      areaLeads: [:]),
    FidelityDomain(
      id: "business", lead: FidelityOwners.commerce,
      areas: ["business.exhibition", "business.hr", "business.creative", "business.hq"],
      areaLeads: [:]),
  ]
}

/// One of Hangzhou's 13 区、县（市） with its 统计用区划代码.
struct FidelityDistrict: Sendable, CustomTestStringConvertible {
  let id: String
  let code: String
  let zh: String
  var testDescription: String { "\(id) \(code) \(zh)" }

  static let all: [FidelityDistrict] = [
    FidelityDistrict(id: "district.shangcheng", code: "330102", zh: "上城区"),
    FidelityDistrict(id: "district.gongshu", code: "330105", zh: "拱墅区"),
    FidelityDistrict(id: "district.xihu", code: "330106", zh: "西湖区"),
    FidelityDistrict(id: "district.binjiang", code: "330108", zh: "滨江区"),
    FidelityDistrict(id: "district.xiaoshan", code: "330109", zh: "萧山区"),
    FidelityDistrict(id: "district.yuhang", code: "330110", zh: "余杭区"),
    FidelityDistrict(id: "district.linping", code: "330113", zh: "临平区"),
    FidelityDistrict(id: "district.qiantang", code: "330114", zh: "钱塘区"),
    FidelityDistrict(id: "district.fuyang", code: "330111", zh: "富阳区"),
    FidelityDistrict(id: "district.linan", code: "330112", zh: "临安区"),
    FidelityDistrict(id: "district.tonglu", code: "330122", zh: "桐庐县"),
    FidelityDistrict(id: "district.chunan", code: "330127", zh: "淳安县"),
    FidelityDistrict(id: "district.jiande", code: "330182", zh: "建德市"),
  ]
}

/// The bureaus the plan names in 四、保障措施（一） and in 责任单位 notes, by their plan names.
let fidelityBureaus: [String: String] = [
  FidelityOwners.drc: "市发改委",
  FidelityOwners.econInfo: "市经信局",
  FidelityOwners.sciTech: "市科技局",
  FidelityOwners.finance: "市地方金融监管局",
  FidelityOwners.commerce: "市商务局",
]

// MARK: - Fixtures

enum FidelityFixture {
  /// The plan text the table was read from, read once.
  static let planTextFile = "source/hangzhou-producer-services-plan.zh.txt"
  private static let text = Result { try HangzhouPlan.text(planTextFile) }

  /// The loaded configuration, shared by the whole test run. A validation failure fails the
  /// test with every diagnostic as `file:line:col: error: …`.
  static func plan() throws -> Plan {
    try HangzhouPlan.plan()
  }

  static func planText() throws -> String {
    try text.get()
  }
}

// MARK: - Unit normalisation (test only)

/// Reads the figures out of a plan sentence and expresses them in a target unit's family,
/// so that "1.3万亿元" reads as 13000 when the unit is 亿元, and "前四" reads as 4.
enum FidelityFigures {
  static func powerOfTen(_ exponent: Int) -> Decimal {
    Decimal(sign: .plus, exponent: exponent, significand: 1)
  }

  /// The magnitude a unit carries: 亿元 and 亿吨 → 10⁸, 万元 and 万标箱 → 10⁴, others → 1.
  static func magnitude(ofUnit unit: String) -> Decimal {
    if unit.hasPrefix("万亿") { return powerOfTen(12) }
    if unit.hasPrefix("亿") { return powerOfTen(8) }
    if unit.hasPrefix("万") { return powerOfTen(4) }
    return 1
  }

  static let chineseNumerals: [Character: Int] = [
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

  static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isWholeNumber }

  /// Every figure in `text`, scaled into the family of `unit`.
  static func figures(in text: String, unit: String) -> [Decimal] {
    let chars = Array(text)
    let target = magnitude(ofUnit: unit)
    var found: [Decimal] = []
    var i = 0
    while i < chars.count {
      if isDigit(chars[i]) {
        var digits = ""
        while i < chars.count,
          isDigit(chars[i])
            || (chars[i] == "." && i + 1 < chars.count && isDigit(chars[i + 1]))
        {
          digits.append(chars[i])
          i += 1
        }
        var scale: Decimal = 1
        if i + 1 < chars.count, chars[i] == "万", chars[i + 1] == "亿" {
          scale = powerOfTen(12)
        } else if i < chars.count, chars[i] == "亿" {
          scale = powerOfTen(8)
        } else if i < chars.count, chars[i] == "万" {
          scale = powerOfTen(4)
        }
        if let number = Decimal(string: digits) { found.append(number * scale / target) }
        continue
      }
      // Ranks are written in Chinese numerals: 前四, 前三.
      if chars[i] == "前", i + 1 < chars.count, let n = chineseNumerals[chars[i + 1]] {
        found.append(Decimal(n))
      }
      i += 1
    }
    return found
  }

  static func text(_ text: String, states value: Decimal, in unit: String) -> Bool {
    figures(in: text, unit: unit).contains(value)
  }
}

// MARK: - Tests

@Suite("Plan fidelity: Config/ against the plan text")
struct PlanFidelityTests {

  // MARK: The reading itself

  @Test("The normaliser reads the plan's unit families")
  func normaliser() {
    #expect(FidelityFigures.text("突破1万亿元", states: 10000, in: "亿元"))
    #expect(FidelityFigures.text("达到1.3万亿元以上", states: 13000, in: "亿元"))
    #expect(FidelityFigures.text("破2.2万亿", states: 22000, in: "亿元"))
    #expect(FidelityFigures.text("实现5000万元", states: 5000, in: "万元"))
    #expect(!FidelityFigures.text("实现5000万元", states: 5000, in: "亿元"))
    #expect(FidelityFigures.text("突破1.5亿吨", states: Decimal(string: "1.5")!, in: "亿吨"))
    #expect(FidelityFigures.text("突破12万标箱", states: 12, in: "万标箱"))
    #expect(FidelityFigures.text("居全国前四", states: 4, in: "位"))
    #expect(!FidelityFigures.text("居全国前四", states: 3, in: "位"))
  }

  /// Guards the table: every phrase is the plan's own words and states the expected value.
  @Test("Each expectation is the plan's own words", arguments: FidelityReading.targets)
  func expectationMatchesPlanText(_ expected: FidelityTarget) throws {
    let text = try FidelityFixture.planText()
    for phrase in expected.phrases {
      #expect(text.contains(phrase), "not in the plan text: \(phrase)")
      if let value = expected.decimalValue {
        #expect(
          FidelityFigures.text(phrase, states: value, in: expected.unit),
          "\(phrase) does not state \(value) \(expected.unit)")
      }
    }
  }

  // MARK: 1. Every quantitative target

  @Test("Quantitative target", arguments: FidelityReading.targets)
  func quantitativeTarget(_ expected: FidelityTarget) throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(
      plan.indicators.first { $0.id.rawValue == expected.id }, "missing indicator \(expected.id)")

    #expect(indicator.unit == expected.unit)
    #expect(indicator.owner.rawValue == expected.owner)
    #expect(indicator.targets.map(\.year) == [expected.year], "one target, for 2025")

    let target = try #require(indicator.targets.first { $0.year == expected.year })
    let comparatorMatches =
      switch expected.comparator {
      case .atLeast: target.comparator == .atLeast
      case .atMost: target.comparator == .atMost
      case .parity: target.comparator == .parity
      }
    #expect(
      comparatorMatches, "comparator is \(target.comparator), plan reads \(expected.comparator)")
    let measureMatches =
      switch expected.measure {
      case .level: target.measure == .level
      case .increase: target.measure == .increase
      case .cumulative: target.measure == .cumulative
      case .averageAnnual: target.measure == .averageAnnual
      }
    #expect(measureMatches, "measure is \(target.measure), plan reads \(expected.measure)")
    #expect(target.value == expected.decimalValue)
    #expect(target.partner?.rawValue == expected.partner)

    // Where the plan states it fixes the domain and the area.
    let prefix = String(expected.id.prefix { $0 != "." })
    switch expected.placement {
    case .planLevel:
      #expect(indicator.domain == nil)
      #expect(indicator.area == nil)
    case .headline:
      #expect(indicator.domain?.rawValue == prefix)
      #expect(indicator.area == nil, "a domain headline indicator belongs to no area")
    case .centreOnly:
      #expect(indicator.domain?.rawValue == prefix)
    case .area(let area):
      #expect(indicator.domain?.rawValue == prefix)
      #expect(indicator.area?.rawValue == area)
    }

    // The wording fixes the kind wherever the README ties them together.
    if expected.comparator == .atMost {
      #expect(indicator.kind == .rank, "前四/前三 is a rank")
    }
    switch expected.measure {
    case .increase: #expect(indicator.kind == .stock, "新增 applies to a stock")
    case .cumulative: #expect(indicator.kind == .flow, "a cumulative target sums a flow")
    case .averageAnnual: #expect(indicator.kind == .growthRate, "年均增速 is a growth rate")
    case .level:
      if expected.unit == "%" && expected.comparator != .parity {
        #expect(indicator.kind == .ratio, "a share of GDP is a ratio")
      }
    }
  }

  @Test("Parity: 数字经济服务业营收占比与服务业增加值占GDP比重相持平")
  func parityPartner() throws {
    let plan = try FidelityFixture.plan()
    let share = try #require(
      plan.indicators.first { $0.id.rawValue == "digital.digital_economy_services_revenue_share" })
    let partner = try #require(
      plan.indicators.first { $0.id.rawValue == "digital.services_va_share_gdp" })
    #expect(share.kind == .ratio)
    #expect(partner.kind == .ratio)
    #expect(partner.unit == share.unit, "both sides of a parity are in the same unit")
    #expect(partner.targets.isEmpty, "the partner is the yardstick, not a target")
  }

  // MARK: 2. Nothing missing, nothing extra

  @Test("The indicators with targets are exactly the plan's quantitative targets")
  func targetSetIsExact() throws {
    let plan = try FidelityFixture.plan()
    let configured = Set(plan.indicators.filter { !$0.targets.isEmpty }.map(\.id.rawValue))
    let expected = Set(FidelityReading.targets.map(\.id))
    #expect(expected.count == FidelityReading.targets.count, "the table lists each indicator once")
    let missing = expected.subtracting(configured).sorted()
    let extra = configured.subtracting(expected).sorted()
    #expect(missing.isEmpty, "targets in the plan but not in Config/: \(missing)")
    #expect(extra.isEmpty, "targets in Config/ that the plan does not set: \(extra)")
  }

  @Test("Supporting indicator exists and has no target", arguments: FidelityReading.supporting)
  func supportingIndicator(_ id: String) throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(plan.indicators.first { $0.id.rawValue == id }, "missing \(id)")
    #expect(indicator.targets.isEmpty)
    #expect(indicator.kind != .qualitative)
  }

  @Test(
    "Qualitative indicator exists, has aims in the plan's words and no target",
    arguments: FidelityReading.qualitative)
  func qualitativeIndicator(_ id: String) throws {
    let plan = try FidelityFixture.plan()
    let text = try FidelityFixture.planText()
    let indicator = try #require(plan.indicators.first { $0.id.rawValue == id }, "missing \(id)")
    #expect(indicator.kind == .qualitative)
    #expect(indicator.targets.isEmpty)
    #expect(indicator.unit == nil, "a qualitative indicator has no unit")
    #expect(!indicator.aims.isEmpty)
    for aim in indicator.aims {
      #expect(text.contains(aim), "aim not in the plan's words: \(aim)")
    }
  }

  @Test("产业数字化指数: 长期保持全国前列")
  func digitalisationIndexAim() throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(
      plan.indicators.first { $0.id.rawValue == "plan.industrial_digitalisation_index" })
    #expect(indicator.aims.contains { $0.contains("保持全国前列") })
  }

  @Test("模式创新争先: the eight new business models")
  func newBusinessModelAims() throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(
      plan.indicators.first { $0.id.rawValue == "plan.new_business_models" })
    #expect(indicator.aims.count == FidelityReading.businessModels.count)
    for model in FidelityReading.businessModels {
      #expect(
        indicator.aims.filter { $0.contains(model) }.count == 1, "exactly one aim names \(model)")
    }
  }

  // MARK: 3. Quotes

  @Test("Every quote is verbatim plan text")
  func quotesAreVerbatim() throws {
    let plan = try FidelityFixture.plan()
    let text = try FidelityFixture.planText()
    for indicator in plan.indicators {
      for quote in indicator.quotes {
        #expect(!quote.isEmpty, "\(indicator.id.rawValue) has an empty quote")
        #expect(
          text.contains(quote), "\(indicator.id.rawValue) quotes text not in the plan: \(quote)")
      }
    }
  }

  @Test("Every indicator with a target quotes the plan")
  func targetsAreQuoted() throws {
    let plan = try FidelityFixture.plan()
    for indicator in plan.indicators where !indicator.targets.isEmpty {
      #expect(!indicator.quotes.isEmpty, "\(indicator.id.rawValue) has targets but no quote")
    }
  }

  // MARK: 5. The value is stated by a quote

  @Test(
    "The target value appears in a quote, after unit normalisation",
    arguments: FidelityReading.targets.filter { $0.value != nil })
  func valueIsQuoted(_ expected: FidelityTarget) throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(plan.indicators.first { $0.id.rawValue == expected.id })
    let unit = try #require(indicator.unit)
    for target in indicator.targets {
      let value = try #require(target.value)
      #expect(
        indicator.quotes.contains { FidelityFigures.text($0, states: value, in: unit) },
        "no quote of \(expected.id) states \(value) \(unit): \(indicator.quotes)")
    }
  }

  // MARK: 4. Years, orgs, domains, goal groups

  @Test("Base year 2021, target year 2025")
  func years() throws {
    let plan = try FidelityFixture.plan()
    #expect(plan.baseYear == 2021)
    #expect(plan.targetYear == 2025)
  }

  @Test("The 13 districts and no others")
  func districtSet() throws {
    let plan = try FidelityFixture.plan()
    let configured = Set(plan.orgs.filter { $0.kind == .district }.map(\.id.rawValue))
    #expect(configured == Set(FidelityDistrict.all.map(\.id)))
    let codes = plan.orgs.filter { $0.kind == .district }.compactMap(\.code)
    #expect(Set(codes).count == codes.count, "division codes are unique")
  }

  @Test("District and its division code", arguments: FidelityDistrict.all)
  func district(_ expected: FidelityDistrict) throws {
    let plan = try FidelityFixture.plan()
    let org = try #require(
      plan.orgs.first { $0.id.rawValue == expected.id }, "missing \(expected.id)")
    #expect(org.kind == .district)
    #expect(org.code == expected.code)
    #expect(org.name.zh == expected.zh)
  }

  @Test("The lead bureaus of 保障措施（一）", arguments: fidelityBureaus.keys.sorted())
  func bureau(_ id: String) throws {
    let plan = try FidelityFixture.plan()
    let org = try #require(plan.orgs.first { $0.id.rawValue == id }, "missing \(id)")
    #expect(org.kind == .bureau)
    #expect(org.name.zh == fidelityBureaus[id])
  }

  @Test("The five domains and no others")
  func domainSet() throws {
    let plan = try FidelityFixture.plan()
    #expect(Set(plan.domains.map(\.id.rawValue)) == Set(FidelityDomain.all.map(\.id)))
  }

  @Test("Domain lead and its areas in the plan's order", arguments: FidelityDomain.all)
  func domain(_ expected: FidelityDomain) throws {
    let plan = try FidelityFixture.plan()
    let domain = try #require(plan.domains.first { $0.id.rawValue == expected.id })
    #expect(domain.lead.rawValue == expected.lead)
    #expect(domain.areas.map(\.id.rawValue) == expected.areas)
    for area in domain.areas {
      let effectiveLead = (area.lead ?? domain.lead).rawValue
      #expect(
        effectiveLead == (expected.areaLeads[area.id.rawValue] ?? expected.lead),
        "lead of \(area.id.rawValue)")
    }
  }

  @Test("The 1+4+3 goal system: one overall goal, four centres, three 争先")
  func goalCounts() throws {
    let plan = try FidelityFixture.plan()
    #expect(Set(plan.goals.map(\.id.rawValue)) == Set(FidelityGoal.all.map(\.id)))
    #expect(plan.goals.filter { $0.kind == .overall }.count == 1)
    #expect(plan.goals.filter { $0.kind == .centre }.count == 4)
    #expect(plan.goals.filter { $0.kind == .pioneer }.count == 3)
  }

  @Test("Goal group kind and indicators", arguments: FidelityGoal.all)
  func goal(_ expected: FidelityGoal) throws {
    let plan = try FidelityFixture.plan()
    let goal = try #require(plan.goals.first { $0.id.rawValue == expected.id })
    let kindMatches =
      switch expected.kind {
      case .overall: goal.kind == .overall
      case .centre: goal.kind == .centre
      case .pioneer: goal.kind == .pioneer
      }
    #expect(kindMatches, "kind is \(goal.kind), plan reads \(expected.kind)")
    #expect(Set(goal.indicators.map(\.rawValue)) == expected.indicators)
    #expect(goal.indicators.count == expected.indicators.count, "no indicator listed twice")
    for id in goal.indicators {
      #expect(plan.indicator(id) != nil, "\(expected.id) lists unknown indicator \(id.rawValue)")
    }
  }
}
