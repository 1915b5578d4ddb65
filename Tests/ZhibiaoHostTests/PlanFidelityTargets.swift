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
