package org.perfgate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgate.plan.Plans.errorOf;

import org.junit.jupiter.api.Test;
import org.perfgate.model.SourceLocation;

class YamlReaderTest {

  @Test
  void keepsLineAndColumnOfKeysAndValues() {
    Node.MapNode root = (Node.MapNode) YamlReader.read("""
        a:
          b: [1, "two"]
        """, "f.yaml");
    Node.Entry b = ((Node.MapNode) root.get("a").orElseThrow()).entries().get("b");
    Node.ListNode list = (Node.ListNode) b.value();

    assertThat(b.keyLocation()).isEqualTo(new SourceLocation("f.yaml", 2, 3));
    assertThat(list.location()).isEqualTo(new SourceLocation("f.yaml", 2, 6));
    assertThat(list.keyLocation()).isEqualTo(b.keyLocation());
    assertThat(list.items().get(1).location()).isEqualTo(new SourceLocation("f.yaml", 2, 10));
    assertThat(list.items()).extracting(item -> ((Node.ScalarNode) item).kind())
        .containsExactly(Node.ScalarNode.Kind.NUMBER, Node.ScalarNode.Kind.STRING);
  }

  @Test
  void reportsMalformedYamlOnOneLineAtTheProblem() {
    assertThat(errorOf("""
        options:
          scenarios: [1, 2
          thresholds: {}
        """)).isEqualTo("plan.yaml:3:13: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence "
        + "started at line 2, column 14)");
  }

  @Test
  void reportsBadIndentation() {
    assertThat(errorOf("""
        name: x
          options: {}
        """)).isEqualTo("plan.yaml:2:10: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void reportsTabIndentationWithoutAMultiLineDump() {
    assertThat(errorOf("name: x\noptions:\n\tscenarios: {}\n"))
        .startsWith("plan.yaml:3:1: invalid YAML: ")
        .doesNotContain("\n");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThat(errorOf("""
        options:
          scenarios:
            s: { executor: per-vu-iterations, flow: [ { sleep: 1s } ] }
            s: { executor: per-vu-iterations, flow: [ { sleep: 2s } ] }
        """)).isEqualTo("plan.yaml:4:5: options.scenarios.s: duplicate key 's' (first written at line 3)");
  }

  @Test
  void rejectsAliases() {
    assertThat(errorOf("""
        x: &one 1
        options:
          scenarios:
            s: { executor: per-vu-iterations, vus: *one, flow: [ { sleep: 1s } ] }
        """)).isEqualTo("plan.yaml:4:44: options.scenarios.s.vus: YAML aliases (*one) are not supported; write the "
        + "value out");
  }

  @Test
  void rejectsSecondDocument() {
    assertThat(errorOf(PlanLoaderTest.minimal("---\nname: b\n")))
        .isEqualTo("plan.yaml:5:1: expected one YAML document, found a second one (remove the '---')");
  }

  @Test
  void rejectsEmptyPlan() {
    assertThat(errorOf("# nothing here\n"))
        .isEqualTo("plan.yaml:1:1: the plan is empty; expected a mapping with options.scenarios");
  }

  @Test
  void rejectsRootThatIsNotAMapping() {
    assertThat(errorOf("- a\n- b\n")).isEqualTo("plan.yaml:1:1: expected a mapping (key: value), got a list");
  }

  @Test
  void rejectsBinaryValues() {
    assertThat(errorOf("name: !!binary aGVsbG8=\n")).isEqualTo("plan.yaml:1:7: name: unsupported YAML value; expected "
        + "text, a number, a list or a mapping");
  }

  @Test
  void rejectsNullWhereTextIsExpected() {
    assertThat(errorOf("name:\n")).isEqualTo("plan.yaml:1:6: name: expected text, got nothing");
  }
}
