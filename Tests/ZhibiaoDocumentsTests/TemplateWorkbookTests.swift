import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport
import ZhibiaoWorkspace

/// A data-entry template read back with the import's own reader: the sheets, the import's header,
/// one row per figure the org reports, the validation and the protection in the sheet's XML.
@Suite("Data-entry templates")
struct TemplateWorkbookTests {
  static func written(org: String, period: Period) throws -> (URL, TemporaryDirectory, DataEntryTemplate) {
    let workspace = try HangzhouPlan.workspace()
    let org = try #require(workspace.plan.org(OrgID(org)))
    let template = try #require(
      DataEntryTemplate(workspace: workspace, org: org, period: period) { indicator, _, period in
        indicator.rawValue == "finance.finance_va" && period == .quarter(1, of: 2024) ? Decimal(string: "65.3") : nil
      })
    let folder = try TemporaryDirectory()
    let url = folder.url.appendingPathComponent("template.xlsx")
    try XLSXWriter.write(template.content(), to: url.path)
    return (url, folder, template)
  }

  @Test("A district's template has a guide first, then one row per figure it reports, under the import's header")
  func districtTemplate() throws {
    let (url, folder, _) = try Self.written(org: "district.xihu", period: .quarter(1, of: 2025))
    defer { folder.remove() }
    let plan = try HangzhouPlan.plan()
    let workbook = try Workbook(url: url, file: "template.xlsx")
    #expect(workbook.sheetNames.first == "填报说明 Guide")
    #expect(workbook.sheetNames.dropFirst().first == "数据 Data")
    let table = try workbook.table(columns: ImportFile.workbookColumns)
    #expect(table.header == DataEntryTemplate.columns)
    let xihu = try #require(plan.org(OrgID("district.xihu")))
    let expected = ObservationImport(plan: plan, submitter: xihu.id).figures(of: xihu, at: .quarter(1, of: 2025))
    #expect(!expected.isEmpty)
    #expect(table.rows.map { $0["indicator"] ?? "" } == expected.map(\.indicator.id.rawValue))
    #expect(table.rows.allSatisfy { $0["org"] == "district.xihu" && $0["period"] == "2025Q1" && $0["value"] == "" })
    #expect(!table.rows.contains { plan.indicator(IndicatorID($0["indicator"] ?? ""))?.aggregation == .cityOnly })
    let finance = try #require(table.rows.first { $0["indicator"] == "finance.finance_va" })
    #expect(finance["last_year"] == "65.3")
    let book = try HangzhouPlan.targetBook()
    let target = try #require(book.target(IndicatorID("finance.finance_va"), xihu.id, .quarter(1, of: 2025))?.value)
    #expect(finance["target"].flatMap { Decimal(string: $0, locale: nil) } == target)
    #expect(finance["unit"] == plan.indicator(IndicatorID("finance.finance_va"))?.unit)
  }

  @Test("Only the value and note cells are unlocked; the value cell accepts a number ≥ 0 at the indicator's precision")
  func validationAndProtection() throws {
    let (url, folder, template) = try Self.written(org: "district.xihu", period: .quarter(1, of: 2025))
    defer { folder.remove() }
    let data = try WorkbookWritingTests.part(url, "xl/worksheets/sheet2.xml")
    #expect(data.contains("<sheetProtection"))
    #expect(data.contains("<dataValidation type=\"custom\""))
    let first = try #require(template.figures.first)
    let places = first.indicator.precision.map(DecimalArithmetic.places)
    var formula = "AND(ISNUMBER(D4),D4&gt;=0"
    if let places { formula += ",ROUND(D4,\(places))=D4" }
    #expect(data.contains(formula + ")"), "the first value cell's rule")
    // The input's message says what the figure measures and who produces it, within 255 characters.
    let messages = try #require(template.content().sheets.first { $0.name == "数据 Data" }).validations.map(
      \.inputMessage)
    #expect(messages.allSatisfy { $0.count <= 255 })
    let row = try #require(template.figures.firstIndex { $0.indicator.id == "finance.finance_va" })
    #expect(messages[row].hasPrefix("口径：金融业（国民经济行业分类J门类）增加值，现价；来源：市统计局（待确认）。"), "\(messages[row])")
    #expect(data.contains("sqref=\"D4\""))
    let styles = try WorkbookWritingTests.part(url, "xl/styles.xml")
    #expect(styles.contains("locked=\"0\""), "the input cells' style is unlocked")
    let guide = try WorkbookWritingTests.part(url, "xl/worksheets/sheet1.xml")
    #expect(guide.contains("<sheetProtection"))
  }

  @Test("A district with registers gets a register sheet with drop-downs; the leading group gets no template")
  func registers() throws {
    let workspace = try HangzhouPlan.workspace()
    let plan = workspace.plan
    let withRegister = try #require(
      plan.districts.first { district in
        plan.registers.contains { register in
          plan.indicators(countingRegister: register.id).contains { $0.eligible?.contains(district.id) ?? true }
        }
      })
    let (url, folder, _) = try Self.written(org: withRegister.id.rawValue, period: .year(2025))
    defer { folder.remove() }
    let workbook = try Workbook(url: url, file: "template.xlsx")
    #expect(workbook.sheetNames.last == "名录 Registers")
    let table = try workbook.table(sheet: "名录 Registers", columns: ImportFile.workbookColumns)
    #expect(table.header == RegisterImport.columns)
    #expect(table.rows.isEmpty, "the entry rows are left empty")
    let sheet = try WorkbookWritingTests.part(url, "xl/worksheets/sheet3.xml")
    #expect(sheet.contains("<dataValidation type=\"list\""))
    #expect(sheet.contains("<dataValidation type=\"date\""))
    let group = try #require(plan.org(plan.leadingGroup))
    #expect(DataEntryTemplate(workspace: workspace, org: group, period: .year(2025)) == nil)
  }
}
