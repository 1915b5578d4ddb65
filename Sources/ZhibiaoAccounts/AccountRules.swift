import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// What an account must be, wherever it is made (the command line's `users add`, the web app's
/// user management): a login name of letters, digits and `. _ -`, and a role that fits its org.
public enum AccountRules {
  /// Whether `name` may be a login name: 1–64 ASCII letters, digits, `.`, `_` or `-`.
  public static func isValidName(_ name: String) -> Bool {
    (1...64).contains(name.count)
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
      }
  }

  /// Why `role` does not fit `org`, or nil when it does: a district account belongs to a
  /// district, a bureau account to a bureau, a commission account to the plan's commission;
  /// administrators and viewers to any org.
  public static func misfit(role: Role, org: Org, plan: Plan) -> LocalizedText? {
    let fits =
      switch role {
      case .district: org.kind == .district
      case .bureau: org.kind == .bureau
      case .commission: org.id == plan.commission
      case .admin, .viewer: true
      }
    guard !fits else { return nil }
    let commission =
      plan.org(plan.commission)?.name ?? LocalizedText(zh: "\(plan.commission)", en: "\(plan.commission)")
    return LocalizedText(
      zh: "角色 \(role.rawValue) 与单位 \(org.name.zh) 不符：区县市用户属于区县市，牵头部门用户属于部门，市发改委用户属于\(commission.zh)。",
      en: "The role \(role.rawValue) does not fit \(org.name.en): district accounts belong to a district, bureau "
        + "accounts to a bureau, commission accounts to \(commission.en).")
  }
}
