package org.perfgate.plan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.perfgate.model.Budget;
import org.perfgate.model.ConnectionReuse;
import org.perfgate.model.Flow;
import org.perfgate.model.InvalidInputException;
import org.perfgate.model.Plan;
import org.perfgate.model.Scenario;
import org.perfgate.model.Threshold;

/**
 * Loads a k6-style YAML plan (docs/plan-format.md) into a checked {@link Plan}. Stateless and
 * thread-safe. Every problem is an {@link InvalidInputException} located at {@code file:line:col}
 * whose message names the field path and what was expected, e.g.
 * {@code plan.yaml:4:12: options.scenarios.browse.vus: expected a positive whole number, got 'ten'}.
 */
public final class PlanLoader {
  private PlanLoader() {}

  /**
   * Reads and parses a plan file (UTF-8).
   *
   * @param env the environment for {@code ${VAR}} substitution (process env + -e flags, merged by the caller)
   * @throws InvalidInputException when the file cannot be read or the plan is invalid
   */
  public static Plan load(Path file, Map<String, String> env) {
    Objects.requireNonNull(file, "file");
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("plan file not found: " + file);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("cannot read plan file " + file + ": it is not UTF-8 text");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("cannot read plan file " + file + ": permission denied");
    } catch (IOException e) {
      // The JDK's messages here are short ("Is a directory"); the class name adds nothing for users.
      throw new InvalidInputException("cannot read plan file " + file + ": " + e.getMessage());
    }
    return parse(yaml, file.toString(), env);
  }

  /**
   * Parses plan text.
   *
   * @param sourceName the file name used in error locations and as {@link Plan#source()}; its base name
   *     without extension is the plan's name unless the plan sets {@code name}
   * @param env the environment for {@code ${VAR}} substitution (process env + -e flags, merged by the caller)
   * @throws InvalidInputException when the plan is invalid
   */
  public static Plan parse(String yaml, String sourceName, Map<String, String> env) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(env, "env");
    Node root = EnvSubstitution.apply(YamlReader.read(yaml, sourceName), env);
    Fields plan = Fields.of(root, "", List.of("name", "options", "flows", "budgets"));
    String name = plan.get("name", Values::nonEmptyText, defaultName(sourceName));
    Map<String, Flow> flows = plan.get("flows", FlowParser::named, Map.of());
    Fields options = Fields.of(plan.required("options"), "options",
        List.of("scenarios", "thresholds", "noConnectionReuse", "noVUConnectionReuse"));
    List<Scenario> scenarios = new ScenarioParser(flows).parse(options.required("scenarios"), "options.scenarios");
    List<Threshold> thresholds = options.get("thresholds", ThresholdParser::parse, List.of());
    List<Budget> budgets = plan.get("budgets", BudgetParser::parse, List.of());
    // k6's names: noConnectionReuse wins when both are set, as it implies the other
    ConnectionReuse reuse = options.get("noConnectionReuse", Values::bool, false) ? ConnectionReuse.NEVER
        : options.get("noVUConnectionReuse", Values::bool, false) ? ConnectionReuse.WITHIN_ITERATION
        : ConnectionReuse.ALWAYS;
    return Errors.build(plan.location(), "", () -> new Plan(name, sourceName, scenarios, thresholds, budgets, reuse));
  }

  /** {@code plans/checkout.yaml} → {@code checkout}. */
  static String defaultName(String sourceName) {
    String base = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    String name = dot > 0 ? base.substring(0, dot) : base;
    return name.isBlank() ? "plan" : name;
  }
}
