package org.perfgate.report;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;

/**
 * A comparison as a JUnit XML report, the format CI servers (GitHub Actions reporters, GitLab,
 * Jenkins) display natively: one {@code <testsuite name="perfgate: PLAN">} in a
 * {@code <testsuites>} root, one {@code <testcase classname="PLAN">} per compared statistic (named
 * {@code http_req_duration{name:login} p(95)}) and per budget (named
 * {@code http_req_duration{name:login}: p(95) < 250ms}, the metric first because the same
 * expression may be written on several metrics). A regression or a broken budget is a
 * {@code <failure>} whose message holds the numbers, an inconclusive comparison is
 * {@code <skipped>}, the rest pass; warnings go to the suite's {@code <system-out>}. No
 * {@code time} attributes: the comparison's own duration means nothing to the reader.
 *
 * <p>Written with the JDK's {@link XMLStreamWriter}, which escapes markup; characters XML 1.0
 * cannot hold at all (control characters, lone surrogates) are replaced with U+FFFD.
 */
final class ComparisonJunit {
  private ComparisonJunit() {}

  static void write(Comparison comparison, Writer writer) throws IOException {
    try {
      // The JDK's own writer, never whichever StAX implementation happens to be on the class path.
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(writer);
      new ComparisonJunit.Document(comparison, xml).write();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    writer.write('\n');
  }

  /** Replaces what XML 1.0 forbids (control characters but tab and line breaks, lone surrogates, U+FFFE/F). */
  static String xmlSafe(String text) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
          || (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
          || codePoint >= 0x10000;
      if (!allowed && safe == null) {
        safe = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (safe != null) {
        safe.appendCodePoint(allowed ? codePoint : 0xFFFD);
      }
      i += Character.charCount(codePoint);
    }
    return safe == null ? text : safe.toString();
  }

  /** The failure message of a regression or the skip message of an inconclusive comparison. */
  static String message(MetricComparison metric) {
    TrialStatistics statistics = metric.statistics();
    return statistics.verdict().label() + ": " + ComparisonFormat.changeWithInterval(metric) + " ("
        + ComparisonFormat.value(statistics.baseMedian(), metric.unit()) + " → "
        + ComparisonFormat.value(statistics.headMedian(), metric.unit()) + "), "
        + ComparisonFormat.pValue(statistics.pValue()) + ", MDE " + ComparisonFormat.plusMinus(statistics.mdePercent())
        + ", tolerance " + ComparisonFormat.plusMinus(statistics.tolerancePercent());
  }

  /** One document being written; holds the writer so the helpers stay short. */
  private record Document(Comparison comparison, XMLStreamWriter xml) {

    void write() throws XMLStreamException {
      int tests = comparison.metrics().size() + comparison.budgets().size();
      String failures = Integer.toString(comparison.count(Verdict.REGRESSION) + comparison.brokenBudgets());
      String skipped = Integer.toString(comparison.count(Verdict.INCONCLUSIVE));
      xml.writeStartDocument("UTF-8", "1.0");
      newLine(0);
      xml.writeStartElement("testsuites");
      attribute("name", "perfgate");
      attribute("tests", Integer.toString(tests));
      attribute("failures", failures);
      attribute("errors", "0");
      attribute("skipped", skipped);
      newLine(1);
      xml.writeStartElement("testsuite");
      attribute("name", "perfgate: " + comparison.planName());
      attribute("tests", Integer.toString(tests));
      attribute("failures", failures);
      attribute("errors", "0");
      attribute("skipped", skipped);
      properties();
      for (MetricComparison metric : comparison.metrics()) {
        metric(metric);
      }
      for (BudgetResult budget : comparison.budgets()) {
        budget(budget);
      }
      if (!comparison.warnings().isEmpty()) {
        newLine(2);
        xml.writeStartElement("system-out");
        StringBuilder text = new StringBuilder();
        for (String warning : comparison.warnings()) {
          text.append("warning: ").append(warning).append('\n');
        }
        characters(text.toString());
        xml.writeEndElement();
      }
      newLine(1);
      xml.writeEndElement();
      newLine(0);
      xml.writeEndElement();
      xml.writeEndDocument();
    }

    private void properties() throws XMLStreamException {
      newLine(2);
      xml.writeStartElement("properties");
      property("verdict", comparison.overall().label());
      side("baseline", comparison.base());
      side("current", comparison.head());
      newLine(2);
      xml.writeEndElement();
    }

    private void side(String name, ComparedSide side) throws XMLStreamException {
      property(name, side.label());
      property(name + ".commit", ComparisonFormat.commit(side.metadata()));
      property(name + ".trialGroup", side.trialGroup());
      property(name + ".runIds", String.join(",", side.runIds()));
    }

    private void property(String name, String value) throws XMLStreamException {
      newLine(3);
      xml.writeEmptyElement("property");
      attribute("name", name);
      attribute("value", value);
    }

    private void metric(MetricComparison metric) throws XMLStreamException {
      Verdict verdict = metric.verdict();
      newLine(2);
      if (verdict != Verdict.REGRESSION && verdict != Verdict.INCONCLUSIVE) {
        xml.writeEmptyElement("testcase");
        testcase(metric.title());
        return;
      }
      xml.writeStartElement("testcase");
      testcase(metric.title());
      newLine(3);
      if (verdict == Verdict.REGRESSION) {
        xml.writeStartElement("failure");
        attribute("message", message(metric));
        attribute("type", "regression");
        characters(details(metric));
        xml.writeEndElement();
      } else {
        xml.writeEmptyElement("skipped");
        attribute("message", message(metric));
      }
      newLine(2);
      xml.writeEndElement();
    }

    private String details(MetricComparison metric) {
      TrialStatistics statistics = metric.statistics();
      return metric.title() + ": " + statistics.verdict().label() + "\n"
          + "baseline: " + ComparisonFormat.value(statistics.baseMedian(), metric.unit()) + " (median of "
          + ComparisonFormat.trials(statistics.baseTrials()) + ", " + comparison.base().label() + ")\n"
          + "current: " + ComparisonFormat.value(statistics.headMedian(), metric.unit()) + " (median of "
          + ComparisonFormat.trials(statistics.headTrials()) + ", " + comparison.head().label() + ")\n"
          + "change: " + ComparisonFormat.changeWithInterval(metric) + " at "
          + ComparisonFormat.confidence(statistics.confidence()) + " confidence\n"
          + ComparisonFormat.pValue(statistics.pValue()) + ", MDE " + ComparisonFormat.plusMinus(statistics.mdePercent())
          + ", tolerance " + ComparisonFormat.plusMinus(statistics.tolerancePercent()) + "\n";
    }

    private void budget(BudgetResult budget) throws XMLStreamException {
      String name = budget.key() + ": " + budget.expression();
      newLine(2);
      if (budget.ok()) {
        xml.writeEmptyElement("testcase");
        testcase(name);
        return;
      }
      xml.writeStartElement("testcase");
      testcase(name);
      newLine(3);
      xml.writeEmptyElement("failure");
      attribute("message", "budget broken: '" + budget.expression() + "' on " + budget.key() + ": observed "
          + ComparisonFormat.budgetObserved(comparison, budget) + ", limit "
          + ComparisonFormat.budgetLimit(comparison, budget));
      attribute("type", "budget");
      newLine(2);
      xml.writeEndElement();
    }

    private void testcase(String name) throws XMLStreamException {
      attribute("classname", comparison.planName());
      attribute("name", name);
    }

    private void attribute(String name, String value) throws XMLStreamException {
      xml.writeAttribute(name, xmlSafe(value));
    }

    private void characters(String text) throws XMLStreamException {
      xml.writeCharacters(xmlSafe(text));
    }

    /** Indentation by hand: the JDK's writer has none, and CI logs and diffs are read by people. */
    private void newLine(int depth) throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(depth));
    }
  }
}
