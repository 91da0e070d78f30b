package org.perfgate.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A one-connection server that answers the first request with fixed bytes and then closes: for
 * responses a real server would not send (malformed, HTTP/1.0, interim 1xx, trailers).
 */
final class CannedServer implements AutoCloseable {
  private final ServerSocket listener;
  private final int bytesPerWrite;

  CannedServer(String response) {
    this(response, Integer.MAX_VALUE);
  }

  /**
   * Sends the response {@code bytesPerWrite} bytes at a time with a pause of a millisecond between
   * writes, so that the client reads it in pieces that split lines.
   */
  CannedServer(String response, int bytesPerWrite) {
    this.bytesPerWrite = bytesPerWrite;
    try {
      listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().start(() -> serve(response.getBytes(StandardCharsets.ISO_8859_1)));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
  }

  private void serve(byte[] response) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.write(b);
      }
      socket.setTcpNoDelay(true);
      for (int offset = 0; offset < response.length; offset += bytesPerWrite) {
        socket.getOutputStream().write(response, offset, Math.min(bytesPerWrite, response.length - offset));
        if (bytesPerWrite < response.length) {
          Thread.sleep(1);
        }
      }
      socket.shutdownOutput();
      in.readAllBytes(); // until the client closes
    } catch (IOException | InterruptedException e) {
      // The client under test may close first; the test asserts on what the client saw.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close(); // the serving thread ends when the client closes its side
  }
}
