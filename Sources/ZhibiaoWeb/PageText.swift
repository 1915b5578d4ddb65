import ZhibiaoKernel

/// Every text of the pages, in Chinese and English: one catalog per language with the same keys
/// (a test fails on a key missing from either).
enum PageText {
  static func catalog(_ language: Language) -> [String: String] {
    language == .zh ? zh : en
  }

  static let zh: [String: String] = [
    "app": "指标 · 杭州市生产性服务业目标体系",
    "sign_in": "登录",
    "sign_out": "退出登录",
    "name": "用户名",
    "password": "密码",
    "failed": "用户名或密码不正确。",
    "throttled": "失败次数过多，请 15 分钟后再试。",
    "switch_language": "English",
    "signed_in_as": "当前用户",
    "org": "单位",
    "role": "角色",
    "home": "首页",
    "home_next": "填报与审核页面即将上线；季度栏为年初至该季度末的累计目标。",
    "targets": "年度目标与季度累计目标",
    "indicator": "指标",
    "unit": "单位",
    "annual_target": "年度目标",
    "no_targets": "本单位在该年度没有分解目标。",
  ]

  static let en: [String: String] = [
    "app": "Zhibiao · Hangzhou producer services targets",
    "sign_in": "Sign in",
    "sign_out": "Sign out",
    "name": "Name",
    "password": "Password",
    "failed": "The name or the password is wrong.",
    "throttled": "Too many failed attempts; try again in 15 minutes.",
    "switch_language": "中文",
    "signed_in_as": "Signed in as",
    "org": "Org",
    "role": "Role",
    "home": "Home",
    "home_next": "Data entry and review pages come next; the quarter columns are year-to-date targets.",
    "targets": "targets for the year and year to date",
    "indicator": "Indicator",
    "unit": "Unit",
    "annual_target": "Annual target",
    "no_targets": "No targets are decomposed to this org for the year.",
  ]
}
