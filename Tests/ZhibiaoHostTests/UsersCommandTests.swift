// `zhibiao users` and `zhibiao tokens` as an administrator runs them.

import Foundation
import Testing
import ZhibiaoTestSupport

@Suite("zhibiao users and tokens")
struct UsersCommandTests {
  @Test("Accounts are added with a password on standard input, listed, disabled, and given tokens")
  func lifecycle() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = ["--db", run.path("accounts.sqlite")]

    let added = try run.run(
      ["users", "add", "xihu.li", "--org", "西湖区", "--role", "district", "--password-stdin"] + db,
      input: "西湖龙井-2025-春\n")
    #expect(added.status == 0, "\(added.errors)")
    #expect(added.output == "已新增用户 xihu.li（西湖区，区县市）。\n")

    let again = try run.run(
      ["users", "add", "xihu.li", "--org", "district.xihu", "--role", "district", "--password-stdin", "--lang", "en"]
        + db, input: "another-good-one\n")
    #expect(again.status == 1 && again.errors == "error: 'xihu.li' exists already.\n")

    let list = try run.run(["users", "list", "--format", "json"] + db)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
    #expect(rows.count == 1)
    #expect(rows.first?["org"] as? String == "district.xihu" && rows.first?["role"] as? String == "district")
    #expect(rows.first?["disabled"] as? Bool == false)
    #expect(!list.output.contains("$2b$"), "a listing never shows a hash")

    let token = try run.run(["tokens", "create", "nightly", "--user", "xihu.li"] + db)
    #expect(token.status == 0 && token.output.hasPrefix("zb_") && token.output.count == 47)
    let tokens = try run.run(["tokens", "list"] + db)
    #expect(tokens.output.contains("nightly") && tokens.output.contains("有效"))
    #expect(!tokens.output.contains(token.output.trimmingCharacters(in: .newlines)))

    #expect(try run.run(["users", "disable", "xihu.li"] + db).output == "已停用用户 xihu.li。\n")
    let refused = try run.run(["tokens", "create", "later", "--user", "xihu.li", "--lang", "en"] + db)
    #expect(refused.status == 1 && refused.errors == "error: The account 'xihu.li' is disabled.\n")
    #expect(try run.run(["users", "enable", "xihu.li", "--lang", "en"] + db).output == "Enabled xihu.li.\n")
    #expect(try run.run(["tokens", "create", "later", "--user", "xihu.li"] + db).status == 0)
    #expect(try run.run(["tokens", "revoke", "nightly"] + db).status == 0)
    #expect(try run.run(["tokens", "list"] + db).output.contains("已吊销"))
  }

  @Test(
    "A bad password, a role that does not fit the org, and a missing --password-stdin are refused",
    arguments: [
      (["--org", "district.xihu", "--role", "district"], "12345678\n", 1, "one of the commonest passwords"),
      (["--org", "district.xihu", "--role", "district"], "short\n", 1, "at least 8 characters"),
      (["--org", "district.xihu", "--role", "bureau"], "a-good-passphrase\n", 1, "does not fit"),
      (["--org", "district.xihu", "--role", "commission"], "a-good-passphrase\n", 1, "does not fit"),
      (["--org", "district.xihu", "--role", "district"], "", 1, "No password on standard input"),
    ])
  func refused(arguments: [String], input: String, status: Int32, message: String) throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(
      ["users", "add", "someone"] + arguments + ["--password-stdin", "--lang", "en", "--db", run.path("a.sqlite")],
      input: input)
    #expect(result.status == status)
    #expect(result.errors.contains(message), "\(result.errors)")
    let list = try run.run(["users", "list", "--format", "json", "--db", run.path("a.sqlite")])
    #expect(list.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || list.output.contains("[]"))
  }

  @Test("Without --password-stdin the command is misuse: exit 64 with usage")
  func needsStdin() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(
      ["users", "add", "someone", "--org", "district.xihu", "--role", "district", "--db", run.path("a.sqlite")])
    #expect(result.status == 64)
    #expect(result.errors.contains("--password-stdin"))
  }
}
