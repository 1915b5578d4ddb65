import Testing

@testable import ZhibiaoWorkspace

@Suite("Telling a register file from an observation file by its header")
struct ImportFileKindTests {
  @Test(
    "The first field is the one splitting the whole text would give",
    arguments: [
      "register,name\nx,y", "indicator,org\n", "# comment\nregister,name", "\n\n# a\n\nregister", ",,register,name",
      "#only\n#comments", "", "register\r\nname,org", "# c\r\nregister,name\r\n", "a\r\n# c\nregister", " register ,x",
      ",,,\nregister", "e\u{301},x",
    ])
  func firstField(_ text: String) {
    let line = text.split(separator: "\n").first { !$0.hasPrefix("#") } ?? ""
    let expected = line.split(separator: ",").first ?? ""
    #expect(ImportFile.firstField(of: text) == expected)
  }
}
