import Testing
import ZhibiaoYAML

@Suite("Reading the keys of a mapping")
struct MappingReaderTests {
  static let allowed = ["id", "name", "unit", "owner", "targets"]

  static let plan = """
    indicators:
      - id: digital.software_revenue
        name: 软件业务收入
        targt: 13000
        ownr: 工业和信息化厅
        colour: red
    """

  /// The reader of `indicators[0]` in `plan`.
  static func indicator() throws -> (MappingReader, DiagnosticLog) {
    let (root, log) = try reading(plan)
    let indicators = try #require(root.mapping()?.required("indicators", in: "the plan")?.sequence())
    return (try #require(indicators.first?.mapping()), log)
  }

  @Test("Every unknown key is reported at the key itself, with a suggestion when one is close")
  func unknownKeys() throws {
    let (indicator, log) = try Self.indicator()
    indicator.allowOnly(Self.allowed, in: "indicator 'digital.software_revenue'")
    let diagnostics = log.diagnostics
    try #require(diagnostics.count == 3)
    #expect(diagnostics.map(\.location) == [at(4, 5), at(5, 5), at(6, 5)])
    #expect(diagnostics.map(\.keyPath) == ["indicators[0].targt", "indicators[0].ownr", "indicators[0].colour"])
    #expect(diagnostics[0].message == "Unknown key 'targt' in indicator 'digital.software_revenue'.")
    #expect(diagnostics.map(\.hint) == ["did you mean 'targets'?", "did you mean 'owner'?", nil])
    #expect(diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test("A key written with no value is reported at the key, not as missing")
  func emptyRequiredKey() throws {
    let (root, log) = try reading("id: a\nowner:\nname: 甲\n")
    let mapping = try #require(root.mapping())
    #expect(mapping.required("owner", in: "indicator 'a'") == nil)
    #expect(log.diagnostics.map(\.location) == [at(2, 1)])
    #expect(log.diagnostics.first?.message == "The key 'owner' in indicator 'a' has no value.")
    #expect(mapping.optional("owner") == nil)
    #expect(mapping.has("owner"))
  }

  @Test("Every spelling of null reads as no value")
  func nullSpellings() throws {
    for spelling in ["", "~", "null", "Null", "NULL"] {
      let (root, _) = try reading("unit: \(spelling)\n")
      #expect(root.mapping()?.optional("unit") == nil, "'\(spelling)'")
    }
    let (quoted, _) = try reading("unit: 'null'\n")
    #expect(quoted.mapping()?.optional("unit")?.string() == "null")
  }

  @Test("Known keys are not reported")
  func knownKeys() throws {
    let (root, log) = try reading("id: a\nname: 甲\n")
    root.mapping()?.allowOnly(Self.allowed, in: "the plan")
    #expect(log.diagnostics.isEmpty)
  }

  @Test("An unknown Chinese key after Chinese text is reported at its character column")
  func unknownChineseKey() throws {
    let (root, log) = try reading("- {名称: 软件, 目标植: 1}\n")
    let item = try #require(root.sequence()?.first?.mapping())
    item.allowOnly(["名称", "目标值"], in: "the indicator")
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 12))
    #expect(diagnostic.keyPath == "[0].目标植")
    #expect(diagnostic.hint == "did you mean '目标值'?")
  }

  @Test("A missing required key is reported at the mapping's position")
  func missingKey() throws {
    let (indicator, log) = try Self.indicator()
    #expect(indicator.required("unit", in: "indicator 'digital.software_revenue'") == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(2, 5))
    #expect(diagnostic.keyPath == "indicators[0]")
    #expect(diagnostic.message == "Missing key 'unit' in indicator 'digital.software_revenue'.")
  }

  @Test("A key missing from the document is reported at its start")
  func missingKeyAtRoot() throws {
    let (root, log) = try reading("# 指标\n\nname: 指标体系\n")
    #expect(root.mapping()?.required("indicators", in: "the plan") == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(3, 1))
    #expect(diagnostic.keyPath == "")
    #expect(diagnostic.message == "Missing key 'indicators' in the plan.")
  }

  @Test("An optional key that is absent or empty reads as nothing, without a diagnostic")
  func optionalKeys() throws {
    let (root, log) = try reading("unit:\nowner: ~\nnote: null\nname: 指标\n")
    let mapping = try #require(root.mapping())
    #expect(mapping.optional("targets") == nil)
    #expect(mapping.optional("unit") == nil)
    #expect(mapping.optional("owner") == nil)
    #expect(mapping.optional("note") == nil)
    #expect(mapping.optional("name")?.string() == "指标")
    #expect(mapping.optional("name")?.keyPath == "name")
    #expect(mapping.has("unit"))
    #expect(!mapping.has("targets"))
    #expect(log.diagnostics.isEmpty)
  }
}
