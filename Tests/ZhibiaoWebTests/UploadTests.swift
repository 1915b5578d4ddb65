// Uploading a file through the web app: the multipart reader, every check of the import with its
// located errors, the preview of what would change, the confirmation that writes it whole, the
// workflow's refusals, and the org's template for download.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoAccounts
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoWeb

@Suite("Reading multipart forms")
struct MultipartFormTests {
  static let type = "multipart/form-data; boundary=----zhibiao7MA4YWxk"

  static func body(_ parts: [(String, String?, [UInt8])], closed: Bool = true) -> ByteBuffer {
    var bytes: [UInt8] = []
    for (name, filename, content) in parts {
      bytes += Array("------zhibiao7MA4YWxk\r\n".utf8)
      let file = filename.map { "; filename=\"\($0)\"" } ?? ""
      bytes += Array("Content-Disposition: form-data; name=\"\(name)\"\(file)\r\n".utf8)
      if filename != nil { bytes += Array("Content-Type: text/csv\r\n".utf8) }
      bytes += Array("\r\n".utf8) + content + Array("\r\n".utf8)
    }
    if closed { bytes += Array("------zhibiao7MA4YWxk--\r\n".utf8) }
    return ByteBuffer(bytes: bytes)
  }

  @Test("Fields and files are read exactly, line breaks and bytes inside a file kept")
  func reads() throws {
    let csv = Array("indicator,org\r\nx,y\n\r\n--not-the-boundary\r\n".utf8) + [0x00, 0xFF]
    let form = try #require(
      MultipartForm(
        Self.body([("csrf", nil, Array("tok".utf8)), ("file", "数据 2024.csv", csv)]), contentType: Self.type))
    #expect(form.field("csrf") == "tok")
    #expect(form["file"]?.filename == "数据 2024.csv")
    #expect(form["file"]?.body == csv)
  }

  @Test("A body that is not a whole form is none at all")
  func refuses() {
    let part = [("file", "a.csv", Array("a,b".utf8))] as [(String, String?, [UInt8])]
    #expect(MultipartForm(Self.body(part, closed: false), contentType: Self.type) == nil)
    #expect(MultipartForm(Self.body(part), contentType: "multipart/form-data") == nil)
    #expect(MultipartForm(ByteBuffer(string: "junk" + String(buffer: Self.body(part))), contentType: Self.type) == nil)
    #expect(MultipartForm(Self.body(part), contentType: "application/x-www-form-urlencoded") == nil)
  }
}

/// Uploading files, in the pages' suite: the same accounts and sessions.
extension PageTests {

  /// Uploads `content` as the file `filename`, as `account`.
  func upload(
    _ client: some TestClientProtocol, _ filename: String, _ content: [UInt8], as account: String, csrf: Bool = true
  ) async throws -> (status: HTTPResponse.Status, page: String) {
    var parts: [(String, String?, [UInt8])] = [("period", nil, Array("2024Q1".utf8)), ("file", filename, content)]
    if csrf { parts.insert(("csrf", nil, Array("csrf-\(account)".utf8)), at: 0) }
    let headers: HTTPFields = [.contentType: MultipartFormTests.type, .cookie: "__Host-zhibiao=session-\(account)"]
    return try await client.execute(
      uri: "/upload", method: .post, headers: headers, body: MultipartFormTests.body(parts)
    ) { response in (response.status, String(buffer: response.body)) }
  }

  /// The hidden fields of the preview's confirmation form.
  func confirmation(_ page: String) -> [(String, String)] {
    ["period", "filename", "content"].compactMap { name in
      guard let range = page.range(of: #"name="\#(name)" value=""#) else { return nil }
      let value = String(page[range.upperBound...].prefix { $0 != "\"" })
      return (name, value.replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "="))
    }
  }

  var stored: [ObservationRecord] {
    get async throws { try await temporary.store.observations(plan: plan.id) }
  }

  @Test("A file with a mistake is answered with its line and saves nothing; another org's row is 403")
  func mistakes() async throws {
    try await application().test(.router) { client in
      let mistaken =
        "indicator,org,period,value\ndigital.ict_revenue,district.xihu,2024Q1,120\n"
        + "digital.software_revenue,district.xihu,2024Q1,1o0\n"
      let answer = try await upload(client, "q1.csv", Array(mistaken.utf8), as: "xihu")
      #expect(answer.status == .unprocessableContent)
      #expect(answer.page.contains(#"<td class="num">3</td>"#), "the error names line 3")
      let foreign = "indicator,org,period,value\ndigital.ict_revenue,district.binjiang,2024Q1,120\n"
      #expect(try await upload(client, "q1.csv", Array(foreign.utf8), as: "xihu").status == .forbidden)
      let legacy = try await upload(client, "q1.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], as: "xihu")
      #expect(legacy.status == .unprocessableContent && legacy.page.contains(#"id="problem""#))
      #expect(try await upload(client, "q1.csv", Array(mistaken.utf8), as: "xihu", csrf: false).status == .forbidden)
      #expect(try await upload(client, "q1.csv", Array(mistaken.utf8), as: "drc").status == .forbidden)
    }
    #expect(try await stored.isEmpty)
  }

  @Test("A good file is previewed with what would change, written only when confirmed, and a lock refuses it whole")
  func previewAndConfirm() async throws {
    try await application().test(.router) { client in
      let first =
        "indicator,org,period,value,note\ndigital.ict_revenue,district.xihu,2024Q1,120,\n"
        + "digital.software_revenue,district.xihu,2024Q1,100,<b>初报</b>\n"
      let preview = try await upload(client, "q1.csv", Array(first.utf8), as: "xihu")
      #expect(preview.status == .ok && preview.page.contains(#"id="confirm""#))
      #expect(preview.page.contains("&lt;b&gt;初报&lt;/b&gt;") && !preview.page.contains("<b>初报"))
      #expect(try await stored.isEmpty, "a preview writes nothing")
      let fields = confirmation(preview.page)
      #expect(fields.count == 3)
      let confirmed = try await post(client, "/upload/confirm", fields, as: "xihu")
      #expect(confirmed.status == .seeOther && confirmed.location == "/upload?period=2024Q1&done=2")
      #expect(try await stored.count == 2)

      let second =
        "indicator,org,period,value,note\ndigital.ict_revenue,district.xihu,2024Q1,121,\n"
        + "digital.software_revenue,district.xihu,2024Q1,100,<b>初报</b>\n"
      let changes = try await upload(client, "q1-v2.csv", Array(second.utf8), as: "xihu")
      #expect(changes.page.contains("修改") && changes.page.contains("不变"))

      _ = try await temporary.store.lock(plan: plan.id, org: "district.xihu", period: q1, by: "bureau.drc", at: Date())
      let refused = try await upload(client, "q1-v2.csv", Array(second.utf8), as: "xihu")
      #expect(refused.status == .ok && !refused.page.contains(#"id="confirm""#))
      #expect(refused.page.contains(#"class="refused""#))
      // A confirmation sent anyway (an old preview) is checked again and refused whole.
      let late = try await post(client, "/upload/confirm", confirmation(changes.page), as: "xihu")
      #expect(late.status == .conflict)
      #expect(try await stored.first { $0.indicator == "digital.ict_revenue" }?.value == 120)
    }
  }

  @Test("A workbook is read like the CSV file, and the org's template downloads as .xlsx")
  func workbook() async throws {
    let folder = try TemporaryDirectory()
    let path = folder.url.appendingPathComponent("q1.xlsx").path
    let header = ["indicator", "org", "period", "value"].map { SheetCell.text($0) }
    let row: [SheetCell] = [
      .text("digital.ict_revenue"), .text("district.xihu"), .text("2024Q1"), .number(120.5, decimals: 1),
    ]
    try XLSXWriter.write(WorkbookContent(sheets: [SheetContent(name: "数据", rows: [header, row])]), to: path)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    try await application().test(.router) { client in
      let preview = try await upload(client, "q1.xlsx", bytes, as: "xihu")
      #expect(preview.status == .ok && preview.page.contains("120.5") && preview.page.contains("新增"))
      try await client.execute(
        uri: "/template?period=2024Q1", method: .get, headers: [.cookie: "__Host-zhibiao=session-xihu"]
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentDisposition] == #"attachment; filename="district.xihu-2024Q1.xlsx""#)
        #expect(Array(response.body.readableBytesView.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
      }
      let commission = try await get(client, "/template?period=2024Q1", as: "drc")
      #expect(commission.status == .forbidden)
    }
  }
}
