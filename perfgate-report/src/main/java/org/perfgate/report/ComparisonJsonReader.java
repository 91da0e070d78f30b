package org.perfgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.perfgate.model.BudgetResult;
import org.perfgate.model.ComparedSide;
import org.perfgate.model.Comparison;
import org.perfgate.model.EnvironmentFingerprint;
import org.perfgate.model.MetricComparison;
import org.perfgate.model.RunMetadata;
import org.perfgate.model.TrialStatistics;
import org.perfgate.model.Verdict;
import org.perfgate.report.JsonReader.MalformedResultException;
import org.perfgate.report.JsonReader.Node;

/**
 * Reads what {@link ComparisonJson} writes, back into an equal {@link Comparison}. Content errors
 * name the JSON path and what was expected, as {@link JsonReader}'s do. The {@code overall} field is
 * not read: it is derived from the rest.
 */
final class ComparisonJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ComparisonJsonReader() {}

  static Comparison read(Reader reader) throws IOException {
    JsonNode tree = MAPPER.readTree(reader);
    if (tree == null || tree.isMissingNode()) {
      throw new MalformedResultException("empty file, expected a perfgate comparison (" + ComparisonJson.FORMAT + ")");
    }
    Node root = new Node(tree, "$");
    String format = root.text("format");
    if (!ComparisonJson.FORMAT.equals(format)) {
      throw new MalformedResultException(
          "$.format: expected \"" + ComparisonJson.FORMAT + "\", was \"" + format + "\"");
    }
    try {
      return new Comparison(
          root.text("planName"),
          side(root.object("base")),
          side(root.object("head")),
          root.list("metrics", ComparisonJsonReader::metric),
          root.list("budgets", ComparisonJsonReader::budget),
          root.strings("warnings"));
    } catch (IllegalArgumentException | NullPointerException e) {
      // A record's own validation (e.g. no run ids): say so, with the model's message.
      throw new MalformedResultException("invalid comparison: " + e.getMessage());
    }
  }

  private static ComparedSide side(Node node) throws MalformedResultException {
    Node metadata = node.object("metadata");
    Node environment = metadata.object("environment");
    Node labelsNode = environment.object("labels");
    Map<String, String> labels = new HashMap<>();
    for (Map.Entry<String, JsonNode> label : labelsNode.json().properties()) {
      labels.put(label.getKey(), labelsNode.text(label.getKey()));
    }
    try {
      RunMetadata runMetadata = new RunMetadata(
          metadata.text("project"),
          metadata.text("planName"),
          metadata.text("planHash"),
          metadata.optionalText("gitSha"),
          metadata.optionalText("branch"),
          metadata.optionalText("tag"),
          metadata.parse("time", Instant::parse),
          new EnvironmentFingerprint(environment.text("cpuModel"), environment.intValue("cores"),
              environment.text("os"), environment.text("jdk"), environment.text("perfgateVersion"), labels),
          metadata.text("trialGroup"),
          metadata.intValue("trial"));
      return new ComparedSide(node.text("label"), node.text("trialGroup"), node.strings("runIds"), runMetadata);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new MalformedResultException(node.path() + ": invalid: " + e.getMessage());
    }
  }

  private static MetricComparison metric(Node node) throws MalformedResultException {
    Node statistics = node.object("statistics");
    return new MetricComparison(
        JsonReader.key(node),
        node.text("statistic"),
        node.text("unit"),
        new TrialStatistics(
            statistics.intValue("baseTrials"),
            statistics.intValue("headTrials"),
            statistics.doubleValue("baseMedian"),
            statistics.doubleValue("headMedian"),
            statistics.doubleValue("changePercent"),
            statistics.doubleValue("ciLowPercent"),
            statistics.doubleValue("ciHighPercent"),
            statistics.doubleValue("confidence"),
            statistics.doubleValue("pValue"),
            statistics.doubleValue("mdePercent"),
            statistics.doubleValue("tolerancePercent"),
            statistics.bool("higherIsBetter"),
            statistics.parse("verdict", ComparisonJsonReader::verdict)));
  }

  private static BudgetResult budget(Node node) throws MalformedResultException {
    return new BudgetResult(JsonReader.key(node), node.text("expression"), node.bool("relative"),
        node.doubleValue("observed"), node.doubleValue("limit"), node.bool("ok"));
  }

  /** The inverse of {@link ComparisonJson#verdict}; only the lower-case names are accepted. */
  private static Verdict verdict(String text) {
    if (!text.equals(text.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("verdicts are lower case");
    }
    return Verdict.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
