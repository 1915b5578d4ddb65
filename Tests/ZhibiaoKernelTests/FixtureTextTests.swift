// The helper that finds expected positions in fixture texts: it must agree with the positions the
// YAML layer reports, and it must refuse a text it cannot place.

import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Positions found in fixture texts")
struct FixtureTextTests {
  static let yaml = FixtureText(
    """
    plan:
      name: { zh: 测试方案, en: Test plan }
      orgs: [bureau.a, bureau.b]
      owner: bureau.a
    """, file: "Config/plan.yaml")

  @Test("A unique text is placed where the parser places the node that starts with it")
  func agreesWithTheParser() throws {
    let root = try #require(try YAMLParser().parse(Self.yaml.text, file: Self.yaml.file))
    #expect(root["plan"]?["name"]?["en"]?.location.description == Self.yaml.position(of: "Test plan"))
    #expect(root["plan"]?["owner"]?.location.description == Self.yaml.position(of: "bureau.a", after: "owner: "))
    #expect(root["plan"]?["orgs"]?.location.description == Self.yaml.position(of: "[bureau.a"))
  }

  @Test("Lines and columns start at 1 and count Unicode scalars; an anchor picks the first match after it")
  func linesAndColumns() {
    #expect(Self.yaml.position(of: "plan:") == "Config/plan.yaml:1:1")
    #expect(Self.yaml.position(of: "en: Test plan") == "Config/plan.yaml:2:21")
    #expect(Self.yaml.position(of: "bureau.a", after: "owner: ") == "Config/plan.yaml:4:10")
    #expect(Self.yaml.linePrefix(of: "orgs:") == "Config/plan.yaml:3:")
  }

  @Test("A text that occurs twice, or not at all, cannot be a position and fails the test")
  func refusesAmbiguity() {
    withKnownIssue {
      #expect(Self.yaml.position(of: "bureau.a").hasSuffix("not found"))
    }
    withKnownIssue {
      #expect(Self.yaml.position(of: "bureau.c").hasSuffix("not found"))
    }
    withKnownIssue {
      #expect(Self.yaml.position(of: "plan", after: "owner: ").hasSuffix("not found"))
    }
  }
}
