package org.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricKey;
import org.perfgate.model.Verdict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ComparisonJunitTest {
  @TempDir Path directory;

  @Test
  void writesOneTestcasePerMetricAndBudget() {
    Path file = directory.resolve("junit.xml");

    Reports.writeComparisonJunit(ComparisonFixtures.full(), file);

    Golden.assertMatches("comparison-junit.xml", Golden.read(file));
  }

  @Test
  void countsFailuresAndSkipsOnTheSuite() throws Exception {
    Element suite = (Element) parse(ComparisonFixtures.full()).getElementsByTagName("testsuite").item(0);

    assertThat(suite.getAttribute("name")).isEqualTo("perfgate: checkout");
    assertThat(suite.getAttribute("tests")).isEqualTo("6");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
  }

  @Test
  void failsRegressionsWithTheNumbersAndSkipsInconclusiveComparisons() throws Exception {
    NodeList cases = parse(ComparisonFixtures.full()).getElementsByTagName("testcase");

    Element regression = (Element) cases.item(0);
    assertThat(regression.getAttribute("classname")).isEqualTo("checkout");
    assertThat(regression.getAttribute("name")).isEqualTo("http_req_duration p(95)");
    assertThat(((Element) regression.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("regression: +12.3% [+8.1%, +16.5%] (245.31ms → 275.53ms), p<0.001, MDE ±2.1%, tolerance ±5.0%");
    assertThat(((Element) cases.item(1)).getChildNodes().getLength()).isZero();
    assertThat(((Element) cases.item(3)).getElementsByTagName("skipped").getLength()).isOne();
    Element brokenBudget = (Element) cases.item(4);
    assertThat(brokenBudget.getAttribute("name")).isEqualTo("http_req_duration{name:login}: p(95) < 250ms");
    assertThat(((Element) brokenBudget.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("budget broken: 'p(95) < 250ms' on http_req_duration{name:login}: observed 262.8ms, limit 250ms");
  }

  @Test
  void escapesMarkupInNamesAndMessages() throws Exception {
    MetricKey odd = MetricKey.of("a<b>&\"c\"", Map.of("name", "<login & \"out\">"));
    Comparison comparison = new Comparison("plan <&\"'>", ComparisonFixtures.base(), ComparisonFixtures.head(),
        List.of(ComparisonFixtures.metric(odd, "p(95)", "ms",
            ComparisonFixtures.stats(1, 2, 100, 90, 110, 0.0001, 5, false, Verdict.REGRESSION))),
        List.of(new BudgetResult(odd, "p(95) < 1ms && \"fast\"", false, 2, 1, false)),
        List.of("<warning> & \"more\""));

    Document document = parse(comparison);

    Element testcase = (Element) document.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo("plan <&\"'>");
    assertThat(testcase.getAttribute("name")).isEqualTo("a<b>&\"c\"{name:<login & \"out\">} p(95)");
    assertThat(document.getElementsByTagName("testcase").item(1).getAttributes().getNamedItem("name").getNodeValue())
        .isEqualTo("a<b>&\"c\"{name:<login & \"out\">}: p(95) < 1ms && \"fast\"");
    assertThat(document.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("warning: <warning> & \"more\"\n");
  }

  @Test
  void replacesCharactersXmlCannotHold() throws Exception {
    Comparison comparison = ComparisonFixtures.with(List.of(), List.of(), List.of("bell\u0007 nul\u0000 lone\ud800 ok\u00e9\ud83d\ude80"));

    Document document = parse(comparison);

    assertThat(document.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("warning: bell\ufffd nul\ufffd lone\ufffd ok\u00e9\ud83d\ude80\n");
  }

  @Test
  void writesAnEmptySuiteForAComparisonOfNothing() throws Exception {
    Element suite = (Element) parse(ComparisonFixtures.empty()).getElementsByTagName("testsuite").item(0);

    assertThat(suite.getAttribute("tests")).isEqualTo("0");
    assertThat(suite.getElementsByTagName("testcase").getLength()).isZero();
  }

  private Document parse(Comparison comparison) throws Exception {
    Path file = directory.resolve("junit.xml");
    Reports.writeComparisonJunit(comparison, file);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
