package org.perfgate.http;

import org.perfgate.testkit.TargetServer;

/**
 * The testkit's server in a process of its own, for bench/http-clients/run.sh (h2c needs a server
 * that accepts {@code Upgrade: h2c}, which nginx does not). Prints {@code port: N}, then serves
 * until killed.
 */
public final class TargetServerMain {
  private TargetServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    TargetServer server = TargetServer.start();
    System.out.println("port: " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
