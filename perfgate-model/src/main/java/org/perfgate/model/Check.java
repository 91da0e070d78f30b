package org.perfgate.model;

import java.util.Objects;

/** An assertion on a response, counted in the {@code checks} rate metric under its {@link #name()}. */
public sealed interface Check {
  /** The check's name as shown in the summary, e.g. {@code status is 200}. */
  String name();

  /** Passes when the status equals {@code status}. */
  record Status(String name, int status) implements Check {
    public Status {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Passes when the header is present and, if set, its value contains {@code contains}. */
  record Header(String name, String header, String contains) implements Check {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(contains, "contains");
    }
  }

  /** Passes when the body contains the text. */
  record BodyContains(String name, String text) implements Check {
    public BodyContains {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Passes when the JSONPath expression selects a value equal to {@code expectedJson} (a JSON
   * literal: {@code true}, {@code 42}, {@code "ok"}).
   */
  record JsonPathEquals(String name, String path, String expectedJson) implements Check {
    public JsonPathEquals {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(expectedJson, "expectedJson");
    }
  }

  /** Passes when the JSONPath expression selects a value ({@code exists}) or selects none ({@code !exists}). */
  record JsonPathExists(String name, String path, boolean exists) implements Check {
    public JsonPathExists {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }
}
