package org.perfgate.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP/1.1 connection on a plain socket, to see exactly what goes over the wire. */
final class RawHttpConnection implements AutoCloseable {
  /** A response; header names lower-cased. */
  record RawResponse(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttpConnection(DemoService demo) throws IOException {
    socket = new Socket(demo.baseUri().getHost(), demo.port());
    socket.setSoTimeout(5_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /**
   * Sends one request ({@code headerLines} such as {@code "Authorization: Bearer x"}), reads the
   * response.
   */
  RawResponse exchange(String method, String path, String body, String... headerLines)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: demo\r\n"
            + (headerLines.length > 0 ? String.join("\r\n", headerLines) + "\r\n" : "")
            + (bytes.length > 0 || method.equals("POST")
                ? "Content-Length: " + bytes.length + "\r\n"
                : "")
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
    return read();
  }

  private RawResponse read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new RawResponse(
        status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
