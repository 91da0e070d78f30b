package org.perfgate.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perfgate.model.Budget;
import org.perfgate.model.InvalidInputException;

/** Reads {@code perfgate.yaml}, with the same located errors and {@code ${VAR}} substitution as plans. */
public final class ConfigLoader {
  private static final List<String> FIELDS = List.of("project", "store", "labels", "budgets", "profiles", "ab");

  private ConfigLoader() {}

  /**
   * @return the file's settings, or {@link PerfgateConfig#empty()} when {@code file} does not exist
   *     and {@code required} is false
   * @throws InvalidInputException when the file is invalid, or missing while required
   */
  public static PerfgateConfig load(Path file, Map<String, String> env, boolean required) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new InvalidInputException("config file not found: " + file);
      }
      return PerfgateConfig.empty();
    } catch (IOException e) {
      throw new InvalidInputException("cannot read config file " + file + ": " + e.getMessage());
    }
    return parse(yaml, file.toString(), env);
  }

  /** Parses {@code perfgate.yaml} text. */
  public static PerfgateConfig parse(String yaml, String sourceName, Map<String, String> env) {
    Node root = substitute(YamlReader.read(yaml, sourceName), env);
    Fields fields = Fields.of(root, "", FIELDS);
    Optional<String> project = fields.optional("project", Values::nonEmptyText);
    Optional<String> store = fields.optional("store", Values::nonEmptyText);
    Map<String, String> labels = fields.get("labels", Values::stringMap, Map.of());
    List<Budget> budgets = fields.get("budgets", BudgetParser::parse, List.of());
    Map<String, List<Budget>> profiles = new LinkedHashMap<>();
    if (fields.has("profiles")) {
      for (Node.Entry entry : Values.map(fields.required("profiles"), "profiles").entries().values()) {
        String path = Errors.child("profiles", entry.key());
        Fields profile = Fields.of(entry.value(), path, List.of("budgets"));
        profiles.put(entry.key(), profile.get("budgets", BudgetParser::parse, List.of()));
      }
    }
    Optional<AbConfig> ab = fields.optional("ab", AbConfigParser::parse);
    return new PerfgateConfig(sourceName, project, store, labels, budgets, profiles, ab);
  }

  /** Substitutes {@code ${VAR}} everywhere, but leaves {@link AbConfig#PLACEHOLDERS} in {@code ab:} for later. */
  private static Node substitute(Node root, Map<String, String> env) {
    if (!(root instanceof Node.MapNode map) || !map.entries().containsKey("ab")) {
      return EnvSubstitution.apply(root, env);
    }
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    for (Node.Entry entry : map.entries().values()) {
      Set<String> kept = entry.key().equals("ab") ? AbConfig.PLACEHOLDERS : Set.of();
      Node value = EnvSubstitution.apply(entry.value(), entry.key(), env, kept);
      entries.put(entry.key(), new Node.Entry(entry.key(), entry.keyLocation(), value));
    }
    return new Node.MapNode(map.location(), map.keyLocation(), entries);
  }
}
