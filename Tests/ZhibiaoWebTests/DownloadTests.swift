// The exports a signed-in account downloads: reported figures as CSV and as a workbook, the
// target book in force as a workbook, register entries as CSV — each holding only what the
// account may read, with exact values.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoWeb

@Suite("Downloads")
struct DownloadTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan
  let workspace: Workspace
  let q1 = Period.quarter(1, of: 2024)
  /// When the figures were reported: 2024-04-24T23:06:40Z.
  let reported = Date(timeIntervalSince1970: 1_714_000_000)

  /// 西湖 and 滨江 report 2024Q1, unlocked; 上城 reports it and is locked. Register entries of 西湖
  /// (a technology incubator and a UFI fair) and 滨江 (an incubator). 2025's targets are issued
  /// with 西湖's `digital.ict_revenue` raised by 25.
  /// 西湖's annual 2025 target of `digital.ict_revenue`.
  static func xihuRevenue2025(_ entry: TargetBook.Entry) -> Bool {
    entry.indicator == "digital.ict_revenue" && entry.org == "district.xihu" && entry.period == Period.year(2025)
  }

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    workspace = try HangzhouPlan.workspace()
    let store = temporary.store
    try await Self.prepare(store)
    func report(_ org: OrgID, _ rows: [ObservationInput]) async throws {
      _ = try await store.submit(
        Submission(plan: plan.id, submitter: org, role: .district, source: "\(org).csv", time: reported, rows: rows))
    }
    try await report(
      "district.xihu",
      [
        ObservationInput(
          indicator: "digital.ict_revenue", org: "district.xihu", period: q1, value: Decimal(string: "640.5")!,
          note: "=SUM(A1), 待核"),
        ObservationInput(indicator: "tech.national_incubators", org: "district.xihu", period: q1, value: 3),
      ])
    try await report(
      "district.binjiang",
      [ObservationInput(indicator: "digital.ict_revenue", org: "district.binjiang", period: q1, value: 512)])
    try await report(
      "district.shangcheng",
      [ObservationInput(indicator: "digital.ict_revenue", org: "district.shangcheng", period: q1, value: 300)])
    _ = try await store.lock(plan: plan.id, org: "district.shangcheng", period: q1, by: "bureau.drc", at: reported)
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: plan.id, submitter: "bureau.drc", source: "registers.csv", time: reported,
        entries: [
          RegisterEntry(
            register: "tech.incubators", name: "西湖创新孵化器", org: "district.xihu", level: "国家级",
            recognisedOn: "2023-05-01", evidence: #"=HYPERLINK("x")"#),
          RegisterEntry(
            register: "business.ufi_fairs", name: "杭州国际博览会", org: "district.xihu", level: "UFI认证",
            recognisedOn: "2022-09-01", evidence: nil),
          RegisterEntry(
            register: "tech.incubators", name: "滨江孵化器", org: "district.binjiang", level: "省级",
            recognisedOn: "2021-03-15", evidence: "浙科发〔2021〕3号"),
        ]))
    var entries = workspace.configuredBook.entries(year: 2025)
    let index = try #require(
      entries.firstIndex(where: Self.xihuRevenue2025))
    entries[index].value = try #require(entries[index].value) + 25
    _ = try await store.issueTargets(
      TargetIssueFiling(
        plan: plan.id, year: 2025, document: "杭服领〔2025〕1号", issuedOn: "2025-02-20", reason: nil, entries: entries,
        by: "bureau.drc", role: .commission, at: reported))
  }

  func fetch(_ client: some TestClientProtocol, _ path: String, as account: String) async throws -> TestResponse {
    try await client.execute(uri: path, method: .get, headers: [.cookie: "__Host-zhibiao=session-\(account)"]) { $0 }
  }

  /// The data lines of a CSV download (after the header), split into fields on commas outside quotes.
  func lines(_ response: TestResponse) -> [String] {
    let text = String(decoding: Data(buffer: response.body).dropFirst(3), as: UTF8.self)
    return Array(text.components(separatedBy: "\r\n").dropFirst().dropLast())
  }

  /// The fields of a CSV line, by RFC 4180 (a line break inside quotes aside).
  func fields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case "\"" where quoted:
        if let next = characters.next() {
          if next == "\"" {
            field.append("\"")
          } else {
            quoted = false
            if next == "," {
              fields.append(field)
              field = ""
            } else {
              field.append(next)
            }
          }
        } else {
          quoted = false
        }
      case "\"" where field.isEmpty: quoted = true
      case "," where !quoted:
        fields.append(field)
        field = ""
      default: field.append(character)
      }
    }
    return fields + [field]
  }

  /// The values of field `field` (the org of a figure, the name of a register entry) of CSV lines.
  func orgs(_ lines: [String], field: Int = 1) -> Set<String> {
    Set(lines.map { fields($0)[field] })
  }

  @Test(
    "The figures download holds a district's own figures, and what the read rules allow any other role, as UTF-8 CSV with a BOM"
  )
  func observationsCSV() async throws {
    try await application().test(.router) { client in
      let xihu = try await fetch(client, "/downloads/observations.csv", as: "xihu")
      #expect(xihu.status == .ok && xihu.headers[.contentType] == "text/csv; charset=utf-8")
      #expect(xihu.headers[.contentDisposition] == #"attachment; filename="observations.csv""#)
      let bytes = Data(buffer: xihu.body)
      let header =
        "indicator,org,period,value,unit,note,status,revision,reported_by,reported_at,source,changed_after_approval\r\n"
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array(header.utf8)))
      let own = lines(xihu)
      // The note is neutralised (it would run as a formula) and quoted (it holds a comma).
      #expect(
        own.contains(
          #"digital.ict_revenue,district.xihu,2024Q1,640.5,亿元,"'=SUM(A1), 待核",submitted,1,district.xihu,2024-04-24T23:06:40Z,district.xihu.csv,false"#
        ))
      #expect(
        own.contains(
          "tech.national_incubators,district.xihu,2024Q1,3,个,,submitted,1,district.xihu,2024-04-24T23:06:40Z,district.xihu.csv,false"
        ))
      // A district's export holds its own figures only, not even another district's locked ones.
      #expect(own.count == 2)
      // Any other role: its own figures, those of the indicators a bureau owns, and locked periods' figures.
      let expected: [(String, Set<String>)] = [
        ("binjiang", ["district.binjiang"]),
        ("econ", ["district.xihu", "district.binjiang", "district.shangcheng"]),
        ("scitech", ["district.xihu", "district.shangcheng"]),
        ("drc", ["district.xihu", "district.binjiang", "district.shangcheng"]),
        ("admin", ["district.xihu", "district.binjiang", "district.shangcheng"]),
        ("viewer", ["district.shangcheng"]),
      ]
      for (account, orgs) in expected {
        let response = try await fetch(client, "/downloads/observations.csv", as: account)
        #expect(response.status == .ok && self.orgs(lines(response)) == orgs, "\(account)")
      }
      // 市科技局 reads 西湖's figure of the indicator it owns, not its digital one.
      let scitech = lines(try await fetch(client, "/downloads/observations.csv", as: "scitech"))
      #expect(!scitech.contains { $0.contains("district.xihu") && $0.hasPrefix("digital.") })
      // Naming another district narrows, and never widens, what is read.
      let narrowed = lines(try await fetch(client, "/downloads/observations.csv?org=district.shangcheng", as: "xihu"))
      #expect(narrowed.isEmpty)
      let locked = lines(try await fetch(client, "/downloads/observations.csv?org=district.shangcheng", as: "viewer"))
      #expect(
        locked == [
          "digital.ict_revenue,district.shangcheng,2024Q1,300,亿元,,submitted,1,district.shangcheng,2024-04-24T23:06:40Z,district.shangcheng.csv,false"
        ])
      #expect(try await fetch(client, "/downloads/observations.csv?period=2024Q9", as: "xihu").status == .badRequest)
    }
  }

  @Test("The figures workbook holds the same rows, the value a number")
  func observationsWorkbook() async throws {
    try await application().test(.router) { client in
      for (account, orgs) in [
        ("xihu", ["district.xihu"]), ("binjiang", ["district.binjiang"]),
        ("viewer", ["district.shangcheng"]),
      ] {
        let response = try await fetch(client, "/downloads/observations.xlsx", as: account)
        #expect(response.status == .ok && response.headers[.contentDisposition]?.contains("observations.xlsx") == true)
        let table = try Workbook(data: Data(buffer: response.body), file: "o.xlsx").table(
          sheet: "实际值", columns: WorkbookColumns(headerNames: ["indicator"], numbers: ["value", "revision"], dates: []))
        #expect(table.header == ObservationTable.columns)
        #expect(Set(table.rows.compactMap { $0["org"] }) == Set(orgs), "\(account)")
      }
      let response = try await fetch(client, "/downloads/observations.xlsx?org=district.xihu", as: "xihu")
      let table = try Workbook(data: Data(buffer: response.body), file: "o.xlsx").table(
        sheet: "实际值", columns: WorkbookColumns(headerNames: ["indicator"], numbers: ["value", "revision"], dates: []))
      let row = try #require(table.rows.first { $0["indicator"] == "digital.ict_revenue" })
      #expect(row["value"].flatMap { Decimal(string: $0) } == Decimal(string: "640.5"))
      #expect(row["note"] == "=SUM(A1), 待核", "a text cell, which a spreadsheet never runs")
      #expect(row["reported_at"] == "2024-04-24T23:06:40Z" && row["status"] == "submitted")
    }
  }

  @Test("The target workbook is the book in force for the year, a district's own rows only")
  func targetsWorkbook() async throws {
    let configured = try #require(
      workspace.configuredBook.entries(
        indicator: "digital.ict_revenue", org: "district.xihu", year: 2025, quarterly: false
      )
      .first?.value)
    try await application().test(.router) { client in
      func annual(_ account: String) async throws -> ImportTable {
        let response = try await fetch(client, "/downloads/targets.xlsx?year=2025", as: account)
        #expect(response.status == .ok && response.headers[.contentDisposition]?.contains("targets-2025.xlsx") == true)
        return try Workbook(data: Data(buffer: response.body), file: "t.xlsx").table(
          sheet: "年度目标", columns: WorkbookColumns(headerNames: ["指标"], numbers: ["目标"], dates: []))
      }
      let own = try await annual("xihu")
      #expect(!own.rows.isEmpty && Set(own.rows.compactMap { $0["单位编号"] }) == ["district.xihu"])
      let ict = try #require(own.rows.first { $0["指标"] == "digital.ict_revenue" })
      #expect(ict["目标"].flatMap { Decimal(string: $0) } == configured + 25, "the issued version, not the configuration")
      #expect(ict["期间"] == "2025年")
      let everyone = Set(try await annual("viewer").rows.compactMap { $0["单位编号"] })
      #expect(everyone.isSuperset(of: ["district.xihu", "district.binjiang", "district.shangcheng"]))
      #expect(try await fetch(client, "/downloads/targets.xlsx?year=2031", as: "xihu").status == .badRequest)
      #expect(try await fetch(client, "/downloads/targets.xlsx", as: "xihu").status == .badRequest)
    }
  }

  @Test("The register download holds the entries each role may read; a viewer reads none")
  func registersCSV() async throws {
    try await application().test(.router) { client in
      let xihu = try await fetch(client, "/downloads/registers.csv", as: "xihu")
      #expect(xihu.status == .ok && xihu.headers[.contentDisposition] == #"attachment; filename="registers.csv""#)
      #expect(
        Data(buffer: xihu.body).starts(
          with: [0xEF, 0xBB, 0xBF]
            + Array("register,name,org,level,recognised_on,evidence,withdrawn_on,withdrawal_reason\r\n".utf8)))
      #expect(
        Set(lines(xihu)) == [
          #"tech.incubators,西湖创新孵化器,district.xihu,国家级,2023-05-01,"'=HYPERLINK(""x"")",,"#,
          "business.ufi_fairs,杭州国际博览会,district.xihu,UFI认证,2022-09-01,,,",
        ])
      let expected: [(String, Set<String>)] = [
        ("binjiang", ["滨江孵化器"]), ("scitech", ["西湖创新孵化器", "滨江孵化器"]), ("econ", []),
        ("drc", ["西湖创新孵化器", "杭州国际博览会", "滨江孵化器"]), ("admin", ["西湖创新孵化器", "杭州国际博览会", "滨江孵化器"]),
      ]
      for (account, names) in expected {
        let response = try await fetch(client, "/downloads/registers.csv", as: account)
        #expect(response.status == .ok && orgs(lines(response)) == names, "\(account)")
      }
      #expect(try await fetch(client, "/downloads/registers.csv", as: "viewer").status == .forbidden)
    }
  }

  @Test("The pages link the downloads their account may use")
  func links() async throws {
    try await application().test(.router) { client in
      let home = try await get(client, "/?year=2025", as: "xihu")
      #expect(home.page.contains(#"href="/downloads/targets.xlsx?year=2025""#))
      #expect(home.page.contains(#"href="/downloads/observations.csv""#) && home.page.contains(#"id="registers-csv""#))
      #expect(!(try await get(client, "/?year=2025", as: "viewer").page.contains(#"id="registers-csv""#)))
      #expect(try await get(client, "/board?year=2025", as: "drc").page.contains(#"id="observations-xlsx""#))
      #expect(try await get(client, "/targets", as: "econ").page.contains(#"href="/downloads/targets.xlsx?year=2025""#))
    }
  }
}
