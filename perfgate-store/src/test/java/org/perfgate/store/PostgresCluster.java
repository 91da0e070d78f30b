package org.perfgate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} in a temp dir, {@code postgres} on a free
 * port of 127.0.0.1 (unix socket in the temp dir, fsync off), one fresh database per test, stopped
 * when the JVM exits. PostgreSQL refuses to run as root, so as root the server runs as the {@code
 * postgres} user ({@code runuser}). Missing binaries fail the tests: CI installs them.
 */
final class PostgresCluster {
  static final String USER = "perfgate";
  static final String PASSWORD = "s3cret-Pa55";
  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static PostgresCluster shared;

  private final Path directory;
  private final Path binaries;
  private final boolean root;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresCluster(Path directory, Path binaries, boolean root, int port) {
    this.directory = directory;
    this.binaries = binaries;
    this.root = root;
    this.port = port;
  }

  /** The cluster shared by every test of this JVM, started on first use. */
  static synchronized PostgresCluster shared() {
    if (shared == null) {
      shared = start();
      PostgresCluster cluster = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop-test-postgresql"));
    }
    return shared;
  }

  int port() {
    return port;
  }

  /** A new empty database; its store location, with the password. */
  String newDatabase() {
    String name = "perfgate_test_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/" + name;
  }

  /** Runs {@code sql} as the superuser in the {@code postgres} database. */
  void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  private static PostgresCluster start() {
    Path binaries = findBinaries().orElseThrow(() -> new AssertionError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or PATH: "
            + "apt-get install postgresql (CI installs it)"));
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path directory = Files.createTempDirectory("perfgate-pg-");
      Path passwordFile = directory.resolve("password");
      Files.writeString(passwordFile, PASSWORD + "\n");
      if (root) {
        UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName("postgres");
        Files.setOwner(directory, postgres);
        Files.setOwner(passwordFile, postgres);
      }
      int port = freePort();
      PostgresCluster cluster = new PostgresCluster(directory, binaries, root, port);
      cluster.run(120, "initdb", "-D", directory.resolve("data").toString(), "-U", USER,
          "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
          "--locale=C", "--no-sync", "--no-instructions");
      cluster.run(60, "pg_ctl", "-D", directory.resolve("data").toString(), "-l", directory.resolve("log").toString(),
          "-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off "
              + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
          "start");
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up a test PostgreSQL cluster", e);
    }
  }

  private void stop() {
    try {
      run(30, "pg_ctl", "-D", directory.resolve("data").toString(), "-m", "immediate", "stop");
    } finally {
      deleteRecursively(directory);
    }
  }

  private void run(int timeoutSeconds, String program, String... arguments) {
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(binaries.resolve(program).toString());
    command.addAll(List.of(arguments));
    try {
      // Output to a file, not a pipe: pg_ctl's server child would keep a pipe open.
      Path output = Files.createTempFile("perfgate-pg-" + program, ".out");
      try {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
          String log = Files.exists(directory.resolve("log")) ? Files.readString(directory.resolve("log")) : "";
          throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
              + Files.readString(output, StandardCharsets.UTF_8) + log);
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + program, e);
    }
  }

  private static Optional<Path> findBinaries() {
    if (Files.isDirectory(DEBIAN_ROOT)) {
      try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
        Optional<Path> newest = versions.map(version -> version.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
            .max(Comparator.comparingInt(bin -> versionNumber(bin.getParent().getFileName().toString())));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "pg_ctl")) && Files.isExecutable(Path.of(entry, "initdb"))) {
        return Optional.of(Path.of(entry));
      }
    }
    return Optional.empty();
  }

  private static int versionNumber(String text) {
    return text.matches("[0-9]+") ? Integer.parseInt(text) : 0;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
