import Testing
import ZhibiaoStore

@testable import ZhibiaoPostgres

/// How a store URL names a PostgreSQL server, and what it refuses.
@Suite("PostgreSQL store URLs")
struct PostgresAddressTests {
  @Test("A URL gives host, port, user, database, schema and TLS; its description leaves the password out")
  func parsed() throws {
    let address = try PostgresAddress(
      "postgres://zb:s3cret@db.internal:6543/zhibiao?sslmode=require&schema=zb_2025&application_name=zb-web")
    #expect(address.host == "db.internal" && address.port == 6543 && address.user == "zb")
    #expect(address.password == "s3cret" && address.database == "zhibiao" && address.requiresTLS)
    #expect(address.schema == "zb_2025" && address.applicationName == "zb-web")
    #expect(address.description == "postgres://zb@db.internal:6543/zhibiao?schema=zb_2025")
    let plain = try PostgresAddress("postgresql://zb@localhost/zhibiao")
    #expect(plain.port == 5432 && !plain.requiresTLS && plain.schema == nil && plain.applicationName == "zhibiao")
  }

  @Test(
    "A URL that names no server, no database, an unknown sslmode or a schema that is not a plain name is refused",
    arguments: [
      ("mysql://zb@h/db", "postgres://USER@HOST:PORT/DATABASE"), ("postgres:///db", "names no host"),
      ("postgres://zb@h/", "names no database"), ("postgres://zb@h/db?sslmode=sometimes", "sslmode"),
      ("postgres://zb@h/db?schema=a;drop", "a schema name is letters"),
    ])
  func refused(_ url: String, _ reason: String) {
    #expect {
      _ = try PostgresAddress(url)
    } throws: { error in
      guard case .unavailable(_, let text)? = error as? StoreError else { return false }
      return text.contains(reason)
    }
  }

  @Test("Array columns quote every value and escape quotes and backslashes, NULL apart")
  func arrayLiteral() {
    var column = ArrayColumn()
    for value in ["a", #"say "hi""#, #"C:\path"#, nil, "", "逗号,括号{}"] as [String?] { column.append(value) }
    #expect(column.text == #"{"a","say \"hi\"","C:\\path",NULL,"","逗号,括号{}"}"#)
  }
}
