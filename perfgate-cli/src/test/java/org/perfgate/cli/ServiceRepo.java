package org.perfgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway git repository holding a one-file Python HTTP service (python3's http.server) that
 * answers every path but {@code /health} after a set delay: the system under test of the
 * {@code perfgate ab} end-to-end tests.
 */
final class ServiceRepo {
  private static final String SERVICE = """
      import sys, time
      from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
      DELAY = %s
      NOTE = "%s"
      class Handler(BaseHTTPRequestHandler):
          def do_GET(self):
              if self.path != "/health":
                  time.sleep(DELAY)
              self.send_response(200)
              self.send_header("Content-Length", "2")
              self.end_headers()
              self.wfile.write(b"ok")
          def log_message(self, *args):
              pass
      server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
      print("Started", flush=True)
      server.serve_forever()
      """;

  private ServiceRepo() {}

  /**
   * Writes {@code service.py} answering after {@code delaySeconds} ({@code note} lets a commit change
   * the file without changing its speed) and commits everything; returns the new commit's SHA.
   */
  static String commitService(Path repository, String delaySeconds, String note, String message)
      throws IOException {
    Files.writeString(repository.resolve("service.py"), SERVICE.formatted(delaySeconds, note));
    git(repository, "add", "-A");
    git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    return git(repository, "rev-parse", "HEAD");
  }

  /** Runs git in {@code repository}; fails the test with git's output when git fails. */
  static String git(Path repository, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      assertThat(process.waitFor()).as(output).isZero();
      return output;
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
