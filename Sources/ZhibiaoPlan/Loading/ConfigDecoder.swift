import Foundation

/// Reads the concepts of the plan out of YAML nodes. Every problem goes to the log with its
/// position; a concept with a problem is left out, so that loading goes on to find the next.
/// The assessment scheme's decoders read names and ids with it too.
package struct ConfigDecoder {
  let log: DiagnosticLog

  /// A decoder that reports to `log`.
  package init(log: DiagnosticLog) { self.log = log }

  /// Keys of each kind of mapping, in the order the schema documents them.
  enum Keys {
    static let name = ["zh", "en"]
    static let org = ["id", "kind", "name", "code"]
    static let indicator = [
      "id", "area", "name", "unit", "kind", "direction", "binding", "aggregation", "weight",
      "frequency", "owner", "precision", "eligible", "targets", "aims", "quotes", "note", "decompose",
      "count_of", "baselines", "statistics",
    ]
    static let statistics = ["definition", "source", "lag_days", "confirmed"]
    static let target = ["year", "comparator", "value", "measure", "with"]
    static let goal = ["id", "kind", "name", "indicators"]
    static let area = ["id", "name", "lead"]
    static let task = ["id", "area", "text", "orgs", "indicators", "milestones"]
    static let milestone = ["due", "every", "text", "indicator", "value"]
  }

  package func localizedText(_ reader: NodeReader?, in context: String) -> LocalizedText? {
    guard let reader, let mapping = reader.mapping() else { return nil }
    mapping.allowOnly(Keys.name, in: "the name of \(context)")
    guard let zh = mapping.required("zh", in: "the name of \(context)")?.string(),
      let en = mapping.required("en", in: "the name of \(context)")?.string()
    else { return nil }
    return LocalizedText(zh: zh, en: en)
  }

  /// An id, checked for form.
  package func identifier<Kind>(_ reader: NodeReader?, as _: Kind.Type = Kind.self) -> Identifier<Kind>? {
    guard let reader, let text = reader.string() else { return nil }
    let id = Identifier<Kind>(text)
    if !id.isWellFormed {
      reader.error(
        "The id '\(text)' is not well formed.",
        hint: "use lower-case letters, digits and underscores, joined by dots, e.g. 'sector.annual_revenue'")
      return nil
    }
    return id
  }

  /// A list of ids, recording where each was written under `field[i]`.
  package func identifiers<Kind>(
    _ reader: NodeReader?, field: String, positions: inout [String: SourceLocation]
  ) -> [Identifier<Kind>]? {
    guard let items = reader?.sequence() else { return nil }
    var ids: [Identifier<Kind>] = []
    for (index, item) in items.enumerated() {
      guard let id: Identifier<Kind> = identifier(item) else { continue }
      positions["\(field)[\(index)]"] = item.location
      ids.append(id)
    }
    return ids
  }

  func org(_ reader: NodeReader) -> Org? {
    guard let mapping = reader.mapping() else { return nil }
    let id: OrgID? = identifier(mapping.required("id", in: "an org"))
    let context = "org '\(id?.rawValue ?? "?")'"
    mapping.allowOnly(Keys.org, in: context)
    let kind = mapping.required("kind", in: context)?.oneOf(Org.Kind.self)
    let name = localizedText(mapping.required("name", in: context), in: context)
    var code: String?
    if let codeReader = mapping.optional("code") {
      code = codeReader.string()
      if let text = code, text.count != 6 || !text.allSatisfy(\.isASCII) || Int(text) == nil {
        codeReader.error("The division code '\(text)' of \(context) is not six digits.")
      }
    }
    if kind == .district, code == nil, !mapping.has("code") {
      reader.error("The district \(context) has no division code ('code').")
    }
    guard let id, let kind, let name else { return nil }
    return Org(id: id, kind: kind, name: name, code: code, location: reader.location)
  }

  static let registerKeys = ["id", "name", "levels"]
  static let registerCountKeys = ["register", "levels"]

  func register(_ reader: NodeReader, domain: DomainID?) -> Register? {
    guard let mapping = reader.mapping() else { return nil }
    let id: RegisterID? = identifier(mapping.required("id", in: "a register"))
    let context = "register '\(id?.rawValue ?? "?")'"
    mapping.allowOnly(Self.registerKeys, in: context)
    let name = localizedText(mapping.required("name", in: context), in: context)
    // A register whose entries have no level (the plan names none) omits `levels`.
    let levelsReader = mapping.optional("levels")
    let levels = levelsReader?.strings() ?? []
    if let levelsReader, levels.isEmpty {
      levelsReader.error("The \(context) lists no recognition levels; omit 'levels' when its entries have none.")
    }
    if Set(levels).count != levels.count, let levelsReader {
      levelsReader.error("The \(context) lists a recognition level twice.")
    }
    guard let id, let name else { return nil }
    return Register(id: id, domain: domain, name: name, levels: levels, location: reader.location)
  }

  func registerCount(_ reader: NodeReader, context: String, positions: inout [String: SourceLocation])
    -> RegisterCount?
  {
    guard let mapping = reader.mapping() else { return nil }
    mapping.allowOnly(Self.registerCountKeys, in: "'count_of' of \(context)")
    let registerReader = mapping.required("register", in: "'count_of' of \(context)")
    positions["count_of"] = registerReader?.location
    guard let register: RegisterID = identifier(registerReader) else { return nil }
    return RegisterCount(register: register, levels: mapping.optional("levels")?.strings() ?? [])
  }

  func goal(_ reader: NodeReader) -> GoalGroup? {
    guard let mapping = reader.mapping() else { return nil }
    let id: GoalID? = identifier(mapping.required("id", in: "a goal group"))
    let context = "goal group '\(id?.rawValue ?? "?")'"
    mapping.allowOnly(Keys.goal, in: context)
    let kind = mapping.required("kind", in: context)?.oneOf(GoalGroup.Kind.self)
    let name = localizedText(mapping.required("name", in: context), in: context)
    var positions: [String: SourceLocation] = [:]
    let indicators: [IndicatorID]? = identifiers(
      mapping.required("indicators", in: context), field: "indicators", positions: &positions)
    if let indicators, indicators.isEmpty {
      reader.error("The \(context) lists no indicators.")
    }
    guard let id, let kind, let name, let indicators else { return nil }
    return GoalGroup(
      id: id, kind: kind, name: name, indicators: indicators, location: reader.location,
      positions: positions)
  }

  func area(_ reader: NodeReader, domain: DomainID) -> Area? {
    guard let mapping = reader.mapping() else { return nil }
    let id: AreaID? = identifier(mapping.required("id", in: "an area"))
    let context = "area '\(id?.rawValue ?? "?")'"
    mapping.allowOnly(Keys.area, in: context)
    let name = localizedText(mapping.required("name", in: context), in: context)
    var positions: [String: SourceLocation] = [:]
    let leadReader = mapping.optional("lead")
    let lead: OrgID? = identifier(leadReader)
    positions["lead"] = leadReader?.location
    guard let id, let name else { return nil }
    return Area(
      id: id, domain: domain, name: name, lead: lead, location: reader.location, positions: positions)
  }
}
