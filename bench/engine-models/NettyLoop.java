import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ByteProcessor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The Netty models of {@link ClosedLoop}: one event loop thread (Netty 4.2's
 * {@code MultiThreadIoEventLoopGroup(1, ...)}, which is what {@code EpollEventLoopGroup(1)} and
 * {@code NioEventLoopGroup(1)} construct in 4.2), N channels, latencies into one single-writer
 * {@link Histogram} touched only by the loop thread.
 *
 * <ul>
 *   <li>{@code netty} (native epoll) and {@code netty-nio} (JDK selector): a raw handler writes a
 *       {@code retainedDuplicate()} of one pre-encoded direct request buffer and scans the response
 *       with {@link ClosedLoop.Response} (the NIO mode's parser) through {@code forEachByte}: this
 *       measures the event loop, not an HTTP codec;
 *   <li>{@code netty-codec} (native epoll): Netty as usually written, {@link HttpClientCodec} +
 *       {@link HttpObjectAggregator}, a {@link DefaultFullHttpRequest} per request (sharing one
 *       headers object) and a {@link FullHttpResponse} per response: this measures the codec too.
 * </ul>
 */
final class NettyLoop {
  /** The first exception a channel saw, rethrown by {@link #run} after the window. */
  private static volatile Throwable failure;

  private NettyLoop() {}

  static void run(String mode, InetSocketAddress address, String path, byte[] request, int connections,
      ClosedLoop.Window window) throws Exception {
    IoHandlerFactory io = mode.equals("netty-nio") ? NioIoHandler.newFactory() : EpollIoHandler.newFactory();
    Class<? extends SocketChannel> channelType = mode.equals("netty-nio") ? NioSocketChannel.class : EpollSocketChannel.class;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, io);
    Histogram histogram = new Histogram(3);
    CountDownLatch done = new CountDownLatch(1);
    // One pooled direct buffer, written as retainedDuplicate()s: a pooled duplicate is recycled, so
    // a request costs no allocation and no copy (the transport releases the duplicate once written).
    ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(request.length).writeBytes(request);
    HttpHeaders headers = new DefaultHttpHeaders().add(HttpHeaderNames.HOST, address.getHostString() + ":" + address.getPort());
    try {
      Bootstrap bootstrap = new Bootstrap().group(group).channel(channelType)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              if (mode.equals("netty-codec")) {
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                    new CodecHandler(path, headers, histogram, window));
              } else {
                channel.pipeline().addLast(new RawHandler(encoded, histogram, window));
              }
            }
          });
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        channels.add(bootstrap.connect(address).sync().channel());
      }
      // Both window edges run on the loop thread, as the NIO mode checks them in its loop.
      long now = System.nanoTime();
      group.next().schedule(() -> {
        window.start();
        histogram.reset();
      }, window.from - now, TimeUnit.NANOSECONDS);
      group.next().schedule(() -> {
        window.stop();
        window.p50Micros = histogram.getValueAtPercentile(50);
        done.countDown();
      }, window.to - now, TimeUnit.NANOSECONDS);
      done.await();
      if (failure != null) {
        throw new IllegalStateException("netty: " + failure, failure);
      }
      for (Channel channel : channels) {
        channel.close();
      }
    } finally {
      encoded.release();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  /** Records a completed request (loop thread only) and says whether to send the next one. */
  static boolean complete(long sentNanos, Histogram histogram, ClosedLoop.Window window) {
    long end = System.nanoTime();
    histogram.recordValue((end - sentNanos) / 1000);
    if (end >= window.from && end < window.to) {
      window.requests.increment();
    }
    return end < window.to;
  }

  /** Pre-encoded request out, the NIO mode's minimal parser in: the loop without a codec. */
  static final class RawHandler extends ChannelInboundHandlerAdapter {
    private final ByteBuf request;
    private final Histogram histogram;
    private final ClosedLoop.Window window;
    private final ClosedLoop.Response response = new ClosedLoop.Response();
    private final ByteProcessor headers = response::header;
    private long sentNanos;

    RawHandler(ByteBuf request, Histogram histogram, ClosedLoop.Window window) {
      this.request = request;
      this.histogram = histogram;
      this.window = window;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
      send(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      ByteBuf in = (ByteBuf) message;
      try {
        while (in.isReadable() && !response.complete()) {
          if (response.headersDone()) {
            in.skipBytes(response.bodyToSkip(in.readableBytes()));
          } else {
            int end = in.forEachByte(headers);
            in.readerIndex(end < 0 ? in.writerIndex() : end + 1);
          }
        }
      } finally {
        in.release();
      }
      if (response.complete() && complete(sentNanos, histogram, window)) {
        send(context);
      }
    }

    private void send(ChannelHandlerContext context) {
      response.reset();
      sentNanos = System.nanoTime();
      context.writeAndFlush(request.retainedDuplicate(), context.voidPromise());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      failure = cause;
      context.close();
    }
  }

  /** HttpClientCodec + HttpObjectAggregator: Netty's own HTTP objects both ways. */
  static final class CodecHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final String path;
    private final HttpHeaders headers;
    private final Histogram histogram;
    private final ClosedLoop.Window window;
    private long sentNanos;

    CodecHandler(String path, HttpHeaders headers, Histogram histogram, ClosedLoop.Window window) {
      this.path = path;
      this.headers = headers;
      this.histogram = histogram;
      this.window = window;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
      send(context);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpResponse message) {
      if (complete(sentNanos, histogram, window)) {
        send(context);
      }
    }

    private void send(ChannelHandlerContext context) {
      sentNanos = System.nanoTime();
      context.writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path,
          Unpooled.EMPTY_BUFFER, headers, EmptyHttpHeaders.INSTANCE), context.voidPromise());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      failure = cause;
      context.close();
    }
  }
}
