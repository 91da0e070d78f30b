package org.perfgate.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.perfgate.model.InvalidInputException;

/**
 * A parsed store location: the JDBC URL to connect to (never holding the password, which travels in
 * {@link #connectionProperties()}), and a description that is safe to print.
 *
 * @param sqliteFile the database file, for SQLite
 */
record StoreLocation(
    Dialect dialect, String jdbcUrl, Optional<String> user, Optional<String> password, String description,
    Optional<Path> sqliteFile) {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  StoreLocation {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sqliteFile, "sqliteFile");
  }

  static StoreLocation parse(String location) {
    Objects.requireNonNull(location, "location");
    String text = location.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("store location is empty; expected a path, sqlite:PATH or postgresql://host/db");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      String rest = text.substring("jdbc:sqlite:".length());
      int query = rest.indexOf('?');
      return sqlite(query < 0 ? rest : rest.substring(0, query));
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return jdbcPostgresql(text);
    }
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return postgresql(text.substring(text.indexOf("://") + 3));
    }
    if (lower.startsWith("sqlite:")) {
      return sqlite(text.substring("sqlite:".length()));
    }
    if (SCHEME.matcher(text).matches() || lower.startsWith("jdbc:")) {
      throw new InvalidInputException("unsupported store location '" + redactUserInfo(text)
          + "'; expected a path, sqlite:PATH, postgresql://[user[:password]@]host[:port]/db or a jdbc:sqlite:/jdbc:postgresql: URL");
    }
    return sqlite(text);
  }

  /** Properties for {@code DriverManager.getConnection}: user and password, when given. */
  Properties connectionProperties() {
    Properties properties = new Properties();
    user.ifPresent(value -> properties.setProperty("user", value));
    password.ifPresent(value -> properties.setProperty("password", value));
    return properties;
  }

  /** {@code text} with every occurrence of the password replaced, for messages built from driver errors. */
  String redact(String text) {
    if (text == null) {
      return "";
    }
    return password.filter(secret -> !secret.isEmpty()).map(secret -> text.replace(secret, "***")).orElse(text);
  }

  private static StoreLocation sqlite(String pathText) {
    if (pathText.isBlank()) {
      throw new InvalidInputException("sqlite store location has no path; expected sqlite:PATH");
    }
    Path file;
    try {
      file = Path.of(pathText).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new InvalidInputException("store location '" + pathText + "' is not a valid path: " + e.getMessage());
    }
    return new StoreLocation(Dialect.SQLITE, "jdbc:sqlite:" + file, Optional.empty(), Optional.empty(),
        "sqlite:" + file, Optional.of(file));
  }

  /** {@code [user[:password]@]host[:port]/db[?params]}, as libpq URIs. */
  private static StoreLocation postgresql(String rest) {
    int slash = rest.indexOf('/');
    if (slash < 0 || slash == rest.length() - 1) {
      throw new InvalidInputException("postgresql store location '" + redactUserInfo("postgresql://" + rest)
          + "' has no database; expected postgresql://[user[:password]@]host[:port]/db");
    }
    String authority = rest.substring(0, slash);
    String pathAndQuery = rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String hostPort = authority;
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      hostPort = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(u -> !u.isEmpty());
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1)));
      }
    }
    if (hostPort.isEmpty()) {
      throw new InvalidInputException("postgresql store location has no host; expected postgresql://[user[:password]@]host[:port]/db");
    }
    int portColon = hostPort.lastIndexOf(':');
    boolean hasPort = portColon > hostPort.lastIndexOf(']');
    String host = hasPort ? hostPort.substring(0, portColon) : hostPort;
    String port = hasPort ? hostPort.substring(portColon + 1) : "5432";
    if (!port.matches("[0-9]{1,5}")) {
      throw new InvalidInputException("postgresql store location has an invalid port '" + port + "'; expected a number");
    }
    int question = pathAndQuery.indexOf('?');
    String database = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    String query = question < 0 ? "" : pathAndQuery.substring(question);
    String base = host + ":" + port + "/" + database;
    String description = "postgresql://" + user.map(u -> u + "@").orElse("") + base;
    return new StoreLocation(Dialect.POSTGRESQL, "jdbc:postgresql://" + base + query, user, password, description,
        Optional.empty());
  }

  /** A JDBC URL as given, except that a {@code password=} parameter moves into the properties. */
  private static StoreLocation jdbcPostgresql(String url) {
    int question = url.indexOf('?');
    if (question < 0) {
      return new StoreLocation(Dialect.POSTGRESQL, url, Optional.empty(), Optional.empty(), url, Optional.empty());
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    List<String> kept = new ArrayList<>();
    for (String parameter : url.substring(question + 1).split("&")) {
      String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
      String value = parameter.contains("=") ? decode(parameter.substring(parameter.indexOf('=') + 1)) : "";
      if (name.equalsIgnoreCase("password")) {
        password = Optional.of(value);
      } else if (name.equalsIgnoreCase("user")) {
        user = Optional.of(value);
      } else if (!parameter.isEmpty()) {
        kept.add(parameter);
      }
    }
    String withoutSecrets = url.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    String description = user.map(u -> withoutSecrets + (kept.isEmpty() ? "?" : "&") + "user=" + u).orElse(withoutSecrets);
    return new StoreLocation(Dialect.POSTGRESQL, withoutSecrets, user, password, description, Optional.empty());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** {@code scheme://user:secret@host} → {@code scheme://user@host}, for error messages. */
  private static String redactUserInfo(String text) {
    return text.replaceAll("(://[^/@:]*):[^/@]*@", "$1@");
  }
}
