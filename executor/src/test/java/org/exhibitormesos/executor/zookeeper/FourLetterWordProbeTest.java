package org.exhibitormesos.executor.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.exhibitormesos.core.launch.ZooKeeperMode;
import org.testng.annotations.Test;

public class FourLetterWordProbeTest {
  /** Accepts one connection, reads the word, then behaves as told. */
  private static Thread serveOnce(ServerSocket server, String answer, boolean hang) {
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        byte[] word = s.getInputStream().readNBytes(4);
        assertThat(new String(word, StandardCharsets.US_ASCII)).isEqualTo("srvr");
        if (hang) {
          Thread.sleep(3000);
          return;
        }
        OutputStream out = s.getOutputStream();
        out.write(answer.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException | InterruptedException e) {
        // test ends
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static ServerSocket listen() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @Test
  public void readsTheWholeAnswer() throws Exception {
    try (ServerSocket server = listen()) {
      serveOnce(server, "Zxid: 0x100000001\nMode: follower\n", false);
      Optional<SrvrStatus> status = new FourLetterWordProbe("127.0.0.1", server.getLocalPort(),
          Duration.ofSeconds(2)).srvr();
      assertThat(status).contains(new SrvrStatus(true, ZooKeeperMode.FOLLOWER,
          Optional.of("0x100000001")));
    }
  }

  @Test
  public void notServingIsAnAnswer() throws Exception {
    try (ServerSocket server = listen()) {
      serveOnce(server, "This ZooKeeper instance is not currently serving requests\n", false);
      assertThat(new FourLetterWordProbe("127.0.0.1", server.getLocalPort(),
          Duration.ofSeconds(2)).srvr()).contains(SrvrStatus.NOT_SERVING);
    }
  }

  @Test
  public void silenceRefusalAndEmptyAnswersAreNoAnswer() throws Exception {
    try (ServerSocket server = listen()) {
      serveOnce(server, "", true);
      long t0 = System.nanoTime();
      assertThat(new FourLetterWordProbe("127.0.0.1", server.getLocalPort(),
          Duration.ofMillis(300)).srvr()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }
    try (ServerSocket server = listen()) {
      serveOnce(server, "", false);
      assertThat(new FourLetterWordProbe("127.0.0.1", server.getLocalPort(),
          Duration.ofSeconds(2)).srvr()).isEmpty();
    }
    int closedPort;
    try (ServerSocket server = listen()) {
      closedPort = server.getLocalPort();
    }
    assertThat(new FourLetterWordProbe("127.0.0.1", closedPort, Duration.ofSeconds(1)).srvr())
        .isEmpty();
  }
}
