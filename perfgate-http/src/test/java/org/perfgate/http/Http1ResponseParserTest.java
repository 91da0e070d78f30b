package org.perfgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfgate.engine.spi.FailureReason;
import org.perfgate.engine.spi.HttpExchange;

/**
 * The push parser fed as a connection feeds it: every response whole, one byte at a time and in
 * seeded random splits, with the unconsumed bytes handed again in front of the next read.
 */
class Http1ResponseParserTest {
  private static final long SEED = 20261124L;

  /** How the bytes of one response arrive: as one read, one byte per read, or random reads. */
  record Splitting(String name, int seed) {
    List<Integer> sizes(int total) {
      List<Integer> sizes = new ArrayList<>();
      if (name.equals("whole")) {
        sizes.add(total);
      } else if (name.equals("byte by byte")) {
        for (int i = 0; i < total; i++) {
          sizes.add(1);
        }
      } else {
        Random random = new Random(SEED + seed);
        for (int left = total; left > 0; ) {
          int size = Math.min(left, 1 + random.nextInt(random.nextBoolean() ? 8 : 200));
          sizes.add(size);
          left -= size;
        }
      }
      return sizes;
    }

    @Override
    public String toString() {
      return name.equals("random") ? "random #" + seed : name;
    }
  }

  static Stream<Splitting> splittings() {
    Stream<Splitting> fixed = Stream.of(new Splitting("whole", 0), new Splitting("byte by byte", 0));
    return Stream.concat(fixed, Stream.iterate(1, i -> i + 1).limit(12).map(i -> new Splitting("random", i)));
  }

  /** What feeding one response gave. */
  record Outcome(HttpExchange exchange, boolean complete, boolean keepAlive, String after, ResponseException error) {
    String body() {
      return new String(exchange.responseBodyBytes(), 0, exchange.responseBodyLength(), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Feeds {@code response} in reads split by {@code splitting}; {@code closeAtEnd}: the server then
   * closes the connection ({@link Http1ResponseParser#endOfStream}). {@code after}: the bytes left
   * once the response completed (a pipelined next response).
   */
  static Outcome feed(String method, String response, Splitting splitting, boolean closeAtEnd, int maxBodyBytes) {
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    HttpExchange exchange = Protocols.exchange(method, URI.create("http://localhost/"));
    Http1ResponseParser parser = new Http1ResponseParser();
    parser.start(exchange, new BodyBuffer(maxBodyBytes), new HeaderCache());
    byte[] pending = new byte[0];
    int offset = 0;
    try {
      for (int size : splitting.sizes(bytes.length)) {
        byte[] read = Arrays.copyOf(pending, pending.length + size);
        System.arraycopy(bytes, offset, read, pending.length, size);
        offset += size;
        int consumed = parser.parse(read, 0, read.length);
        pending = Arrays.copyOfRange(read, consumed, read.length);
        if (parser.complete()) {
          String after = new String(pending, StandardCharsets.ISO_8859_1)
              + new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
          return new Outcome(exchange, true, parser.keepAlive(), after, null);
        }
      }
      if (closeAtEnd) {
        parser.endOfStream();
      }
      return new Outcome(exchange, parser.complete(), parser.complete() && parser.keepAlive(), "", null);
    } catch (ResponseException e) {
      return new Outcome(exchange, false, false, "", e);
    }
  }

  static Outcome feed(String response, Splitting splitting) {
    return feed("GET", response, splitting, false, 1 << 20);
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void parsesStatusTrimmedHeadersAndAContentLengthBody(Splitting splitting) {
    Outcome outcome = feed("HTTP/1.1 200 OK\r\nContent-Type:  text/plain \t\r\nX-Empty:\r\nContent-Length: 5\r\n\r\nhello",
        splitting);
    assertThat(outcome.error()).isNull();
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.keepAlive()).isTrue();
    assertThat(outcome.exchange().status()).isEqualTo(200);
    assertThat(outcome.exchange().responseHeaders())
        .containsExactly("Content-Type", "text/plain", "X-Empty", "", "Content-Length", "5");
    assertThat(outcome.body()).isEqualTo("hello");
    assertThat(outcome.after()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void completesWithoutWaitingForMoreAndLeavesPipelinedBytes(Splitting splitting) {
    String next = "HTTP/1.1 204 No Content\r\n\r\n";
    Outcome outcome = feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" + next, splitting);
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.body()).isEqualTo("ok");
    assertThat(outcome.after()).isEqualTo(next);
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void decodesChunkedBodiesWithExtensionsAndTrailers(Splitting splitting) {
    String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n1A \r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: yes\r\nX-Other: no\r\n\r\nNEXT";
    Outcome outcome = feed(response, splitting);
    assertThat(outcome.error()).isNull();
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.keepAlive()).isTrue();
    assertThat(outcome.body()).isEqualTo("helloabcdefghijklmnopqrstuvwxyz");
    assertThat(outcome.exchange().responseHeaders()).containsExactly("Transfer-Encoding", "gzip, Chunked");
    assertThat(outcome.after()).isEqualTo("NEXT");
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void decodesALargeChunkedBodyOfManyChunks(Splitting splitting) {
    StringBuilder response = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    StringBuilder expected = new StringBuilder();
    Random random = new Random(SEED);
    for (int chunk = 0; chunk < 40; chunk++) {
      int size = 1 + random.nextInt(300);
      String data = String.valueOf((char) ('a' + chunk % 26)).repeat(size);
      response.append(Integer.toHexString(size)).append("\r\n").append(data).append("\r\n");
      expected.append(data);
    }
    response.append("0\r\n\r\n");
    Outcome outcome = feed(response.toString(), splitting);
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.body()).isEqualTo(expected.toString());
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void skipsInterimResponses(Splitting splitting) {
    Outcome outcome = feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nnew", splitting);
    assertThat(outcome.exchange().status()).isEqualTo(201);
    assertThat(outcome.exchange().responseHeaders()).containsExactly("Content-Length", "3");
    assertThat(outcome.body()).isEqualTo("new");
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void readsNoBodyAfter204Or304OrForHead(Splitting splitting) {
    for (String status : new String[] {"204 No Content", "304 Not Modified"}) {
      Outcome outcome = feed("HTTP/1.1 " + status + "\r\nContent-Length: 10\r\n\r\nNEXT", splitting);
      assertThat(outcome.complete()).isTrue();
      assertThat(outcome.exchange().responseBodyLength()).isZero();
      assertThat(outcome.after()).isEqualTo("NEXT");
    }
    Outcome head = feed("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nNEXT", splitting, false, 1 << 20);
    assertThat(head.complete()).isTrue();
    assertThat(head.exchange().responseBodyLength()).isZero();
    assertThat(head.after()).isEqualTo("NEXT");
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void switchingProtocolsEndsTheResponseAndTheConnection(Splitting splitting) {
    Outcome outcome = feed("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", splitting);
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.exchange().status()).isEqualTo(101);
    assertThat(outcome.keepAlive()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void followsTheKeepAliveRulesOfHttp10And11(Splitting splitting) {
    assertThat(feed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", splitting).keepAlive()).isFalse();
    assertThat(feed("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", splitting).keepAlive())
        .isTrue();
    assertThat(feed("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", splitting).keepAlive())
        .isFalse();
    assertThat(feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", splitting).keepAlive()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void readsABodyDelimitedByTheEndOfTheConnection(Splitting splitting) {
    String response = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end";
    Outcome open = feed("GET", response, splitting, false, 1 << 20);
    assertThat(open.complete()).isFalse();
    Outcome closed = feed("GET", response, splitting, true, 1 << 20);
    assertThat(closed.error()).isNull();
    assertThat(closed.complete()).isTrue();
    assertThat(closed.keepAlive()).isFalse();
    assertThat(closed.body()).isEqualTo("until the end");
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void acceptsBareLineFeeds(Splitting splitting) {
    Outcome outcome = feed("HTTP/1.1 200 OK\nA: b\nContent-Length: 2\n\nok", splitting);
    assertThat(outcome.exchange().responseHeaders()).containsExactly("A", "b", "Content-Length", "2");
    assertThat(outcome.body()).isEqualTo("ok");
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void keepsOnlyMaxBodyBytesOfTheBody(Splitting splitting) {
    String body = "0123456789".repeat(100);
    Outcome fixed = feed("GET", "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + body + "NEXT", splitting, false, 10);
    assertThat(fixed.body()).isEqualTo("0123456789");
    assertThat(fixed.after()).isEqualTo("NEXT");
    Outcome chunked = feed("GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + body + "\r\n0\r\n\r\n",
        splitting, false, 10);
    assertThat(chunked.complete()).isTrue();
    assertThat(chunked.body()).isEqualTo("0123456789");
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void reportsMalformedResponsesAsProtocolErrors(Splitting splitting) {
    String[][] cases = {
      {"SSH-2.0-OpenSSH_9.6\r\n\r\n", "status line does not start with HTTP/1.x and a status code"},
      {"HTTP/2.0 200 OK\r\n\r\n", "status line does not start with HTTP/1.x and a status code"},
      {"HTTP/1.1 2x0 OK\r\n\r\n", "status code is not 3 digits"},
      {"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "header line without a name and a colon"},
      {"HTTP/1.1 200 OK\r\n: no name\r\n\r\n", "header line without a name and a colon"},
      {"HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", "Content-Length is not a number"},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size is not hexadecimal"},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", "chunk data longer than its size"},
    };
    for (String[] malformed : cases) {
      ResponseException error = feed(malformed[0], splitting).error();
      assertThat(error).as(malformed[0]).isNotNull();
      assertThat(error.reason()).isEqualTo(FailureReason.PROTOCOL_ERROR);
      assertThat(error.getMessage()).isEqualTo("malformed HTTP/1.1 response: " + malformed[1]);
    }
  }

  @ParameterizedTest
  @MethodSource("splittings")
  void reportsAServerCloseBeforeTheEndAsReset(Splitting splitting) {
    String[] truncated = {
      "HTTP/1.1 200 OK\r\nContent-Le",
      "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n",
      "HTTP/1.1 100 Continue\r\n\r\n",
    };
    for (String response : truncated) {
      ResponseException error = feed("GET", response, splitting, true, 1 << 20).error();
      assertThat(error).as(response).isNotNull();
      assertThat(error.reason()).isEqualTo(FailureReason.CONNECTION_RESET);
      assertThat(error.getMessage()).isEqualTo("server closed the connection before the response was complete");
    }
  }

  @Test
  void reportsAServerCloseBeforeAnyByteAsNoResponse() {
    ResponseException error = feed("GET", "", new Splitting("whole", 0), true, 1 << 20).error();
    assertThat(error.reason()).isEqualTo(FailureReason.CONNECTION_RESET);
    assertThat(error.getMessage()).isEqualTo("server closed the connection without a response");
  }

  @Test
  void rejectsAHeadLineLongerThan64KiBWhateverTheReads() {
    String response = "HTTP/1.1 200 OK\r\nX-Long: " + "x".repeat(70_000) + "\r\nContent-Length: 0\r\n\r\n";
    for (Splitting splitting : List.of(new Splitting("whole", 0), new Splitting("random", 1), new Splitting("random", 2))) {
      ResponseException error = feed(response, splitting).error();
      assertThat(error).isNotNull();
      assertThat(error.getMessage()).isEqualTo("malformed HTTP/1.1 response: a response line is longer than 65536 bytes");
    }
    String justFits = "HTTP/1.1 200 OK\r\nX-Long: " + "x".repeat(60_000) + "\r\nContent-Length: 0\r\n\r\n";
    assertThat(feed(justFits, new Splitting("random", 3)).complete()).isTrue();
  }

  @Test
  void consumesNothingOfAPartialLineAndEverythingOfABody() throws Exception {
    Http1ResponseParser parser = new Http1ResponseParser();
    HttpExchange exchange = Protocols.exchange("GET", URI.create("http://localhost/"));
    parser.start(exchange, new BodyBuffer(1 << 20), new HeaderCache());
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nX-Par".getBytes(StandardCharsets.ISO_8859_1);
    int consumed = parser.parse(head, 0, head.length);
    assertThat(consumed).isEqualTo(head.length - "X-Par".length());
    byte[] rest = "X-Partial: 1\r\n\r\n0123".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(parser.parse(rest, 0, rest.length)).isEqualTo(rest.length);
    assertThat(parser.complete()).isFalse();
    byte[] tail = "456789".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(parser.parse(tail, 0, tail.length)).isEqualTo(tail.length);
    assertThat(parser.complete()).isTrue();
    assertThat(exchange.responseBodyText()).isEqualTo("0123456789");
  }

  @Test
  void reusesHeaderStringsOfTheSameLinesAcrossResponses() throws Exception {
    HeaderCache cache = new HeaderCache();
    Http1ResponseParser parser = new Http1ResponseParser();
    BodyBuffer body = new BodyBuffer(1024);
    byte[] response = "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    HttpExchange first = Protocols.exchange("GET", URI.create("http://localhost/"));
    parser.start(first, body, cache);
    parser.parse(response, 0, response.length);
    HttpExchange second = Protocols.exchange("GET", URI.create("http://localhost/"));
    parser.start(second, body, cache);
    parser.parse(response, 0, response.length);
    assertThat(second.responseHeaders().get(0)).isSameAs(first.responseHeaders().get(0));
    assertThat(second.responseHeaders().get(1)).isSameAs(first.responseHeaders().get(1));
  }

  @Test
  void parsesPipelinedResponsesOneAfterTheOther() throws Exception {
    byte[] bytes = ("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none"
        + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n"
        + "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nthree").getBytes(StandardCharsets.ISO_8859_1);
    Http1ResponseParser parser = new Http1ResponseParser();
    BodyBuffer body = new BodyBuffer(1024);
    HeaderCache cache = new HeaderCache();
    List<String> bodies = new ArrayList<>();
    int position = 0;
    while (position < bytes.length) {
      HttpExchange exchange = Protocols.exchange("GET", URI.create("http://localhost/"));
      parser.start(exchange, body, cache);
      position = parser.parse(bytes, position, bytes.length);
      assertThat(parser.complete()).isTrue();
      bodies.add(exchange.status() + " " + exchange.responseBodyText());
    }
    assertThat(bodies).containsExactly("200 one", "200 two", "404 three");
  }

  @Test
  void rejectsNothingBeforeItsStart() {
    Http1ResponseParser parser = new Http1ResponseParser();
    assertThat(parser.complete()).isTrue(); // no response started: nothing pending
    assertThatThrownBy(() -> {
      HttpExchange exchange = Protocols.exchange("GET", URI.create("http://localhost/"));
      parser.start(exchange, new BodyBuffer(16), new HeaderCache());
      parser.endOfStream();
    }).isInstanceOf(ResponseException.class);
  }
}
