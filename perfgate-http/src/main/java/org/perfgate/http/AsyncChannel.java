package org.perfgate.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.perfgate.engine.spi.IoHandler;
import org.perfgate.engine.spi.IoLoop;

/**
 * The socket of an {@link Http1AsyncConnection} to one host:port, and what belongs to it alone:
 * its selection key, its request writer (the Host header is per host:port), its connection slot
 * ({@link ConnectionSlots}) and whether it is still connecting. The exchange on it is the
 * connection's: readiness goes back to {@link Http1AsyncConnection#ready}. Used on its loop only.
 */
final class AsyncChannel implements IoHandler {
  final String host;
  final int port;
  final RequestWriter writer;
  private final Http1AsyncConnection owner;
  private final ConnectionSlots slots;
  private final boolean keepAlive;
  private InetSocketAddress address;
  private SocketChannel socket; // null while closed
  private SelectionKey key;
  private boolean connecting;
  private boolean holdsSlot;

  AsyncChannel(Http1AsyncConnection owner, String host, int port, boolean keepAlive, ConnectionSlots slots) {
    this.owner = owner;
    this.host = host;
    this.port = port;
    this.keepAlive = keepAlive;
    this.slots = slots;
    this.writer = new RequestWriter(port == 80 ? host : host + ":" + port, keepAlive);
  }

  boolean open() {
    return socket != null;
  }

  boolean connecting() {
    return connecting;
  }

  SocketChannel socket() {
    return socket;
  }

  /** Takes a connection slot for the next socket; false when every slot is taken. */
  boolean takeSlot() {
    if (!holdsSlot) {
      holdsSlot = slots.tryTake();
    }
    return holdsSlot;
  }

  /**
   * Opens a non-blocking socket, registers it on {@code loop} and starts connecting (after {@link
   * #takeSlot}). True when it connected at once; else the loop reports when it did.
   *
   * @throws IOException or an unchecked {@code UnresolvedAddressException} and kin: the channel is
   *     closed again (slot given back)
   */
  boolean connect(IoLoop loop) throws IOException {
    SocketChannel opened = null;
    try {
      InetSocketAddress resolved = address();
      opened = SocketChannel.open();
      opened.configureBlocking(false);
      opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (!keepAlive) {
        opened.setOption(StandardSocketOptions.SO_LINGER, 0); // why: see Http1Channel.connect
      }
      boolean connected = opened.connect(resolved);
      key = loop.register(opened, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
      socket = opened;
      connecting = !connected;
      return connected;
    } catch (IOException | RuntimeException e) {
      if (opened != null) {
        Http1Rules.closeQuietly(opened);
      }
      close();
      throw e;
    }
  }

  /** Completes a connect the loop reported ready; false when it is not done yet. */
  boolean finishConnect() throws IOException {
    if (!socket.finishConnect()) {
      return false; // a readiness reported for an earlier socket of this channel
    }
    connecting = false;
    key.interestOps(SelectionKey.OP_READ);
    return true;
  }

  /** Asks the loop for write readiness (a partial write) or, with false, read readiness only. */
  void wantWrite(boolean write) {
    int ops = write ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    if (key.interestOps() != ops) {
      key.interestOps(ops);
    }
  }

  /** The resolved address, resolved once (blocking the loop for the first connection only). */
  private InetSocketAddress address() throws UnknownHostException {
    if (address == null) {
      address = Http1Rules.resolve(host, port);
    }
    return address;
  }

  @Override
  public void ready(int readyOps) {
    if (socket != null) { // else closed while the loop was dispatching
      owner.ready(this, readyOps);
    }
  }

  /**
   * Readable while no exchange uses it: the server closed it (end of stream, or a reset) or sent
   * bytes nobody asked for (the framing of the next response would be lost). Either way it is of
   * no more use.
   */
  void idleReadable(ByteBuffer buffer) {
    try {
      if (socket.read(buffer) == 0) {
        return; // nothing after all
      }
    } catch (IOException e) {
      // a reset: closed below like an end of stream
    }
    close();
  }

  void close() {
    if (socket != null) {
      Http1Rules.closeQuietly(socket); // cancels the key too
      socket = null;
      key = null;
    }
    if (holdsSlot) {
      holdsSlot = false;
      slots.giveBack();
    }
    connecting = false;
  }
}
