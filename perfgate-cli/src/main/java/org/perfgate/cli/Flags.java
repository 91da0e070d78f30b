package org.perfgate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfgate.model.InvalidInputException;

/** Parsing of repeatable {@code KEY=VALUE} and {@code TYPE=FILE} flags, with the CLI's error wording. */
final class Flags {
  private Flags() {}

  /** {@code -e A=1 -e B=2} → {A=1, B=2}; the later of two equal keys wins. */
  static Map<String, String> keyValues(String flag, List<String> pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new InvalidInputException(flag + " '" + pair + "': expected KEY=VALUE");
      }
      map.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return map;
  }

  /** {@code --out json=a.json --out csv=b.csv} → files by type; {@code types} are the allowed ones. */
  static Map<String, Path> outputs(List<String> values, List<String> types) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String output : values) {
      int equals = output.indexOf('=');
      String type = equals < 0 ? output : output.substring(0, equals);
      String expected = String.join(", ", types.stream().map(t -> t + "=FILE").toList());
      if (!types.contains(type)) {
        throw new InvalidInputException("--out '" + output + "': unknown output type '" + type + "'; expected "
            + expected.replaceAll(", ([^,]*)$", " or $1"));
      }
      if (equals < 0 || equals == output.length() - 1) {
        throw new InvalidInputException("--out '" + output + "': expected " + type + "=FILE");
      }
      files.put(type, Path.of(output.substring(equals + 1)));
    }
    return files;
  }
}
