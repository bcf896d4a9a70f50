package org.exhibitormesos.scheduler.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.exhibitormesos.core.membership.MemberProbe.Mode;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class FourLetterWordsTest {
  private static final String LEADER = """
      Zookeeper version: 3.9.5-5a2d6d3e, built on 2025-01-01 00:00 UTC
      Latency min/avg/max: 0/0.5/3
      Received: 42
      Sent: 41
      Connections: 2
      Outstanding: 0
      Zxid: 0x10000001a
      Mode: leader
      Node count: 7
      Proposal sizes last/min/max: 48/36/412
      """;

  @DataProvider
  public Object[][] srvrAnswers() {
    return new Object[][] {
        {LEADER, Mode.LEADER, OptionalLong.of(0x10000001aL)},
        {LEADER.replace("Mode: leader", "Mode: follower"), Mode.FOLLOWER, OptionalLong.of(0x10000001aL)},
        {LEADER.replace("Mode: leader", "Mode: observer"), Mode.OBSERVER, OptionalLong.of(0x10000001aL)},
        {LEADER.replace("Mode: leader", "Mode: standalone"), Mode.STANDALONE, OptionalLong.of(0x10000001aL)},
        {FourLetterWords.NOT_SERVING + "\n", Mode.NOT_SERVING, OptionalLong.empty()},
        {"srvr is not executed because it is not in the whitelist.\n", Mode.UNREACHABLE, OptionalLong.empty()},
        {LEADER.replace("Mode: leader", "Mode: read-only"), Mode.UNREACHABLE, OptionalLong.empty()},
        {"", Mode.UNREACHABLE, OptionalLong.empty()},
    };
  }

  @Test(dataProvider = "srvrAnswers")
  public void srvrAnswersAreReadAsModeAndZxid(String answer, Mode mode, OptionalLong zxid) {
    ServerStatus status = FourLetterWords.parseSrvr(answer);
    assertThat(status.mode()).isEqualTo(mode);
    assertThat(status.zxid()).isEqualTo(zxid);
    assertThat(status.detail().isEmpty()).isEqualTo(mode != Mode.UNREACHABLE);
  }

  @Test
  public void mntrIsReadAsTabSeparatedPairs() {
    String mntr = "zk_version\t3.9.5\nzk_server_state\tfollower\nzk_peer_state\tfollowing - broadcast\nzk_quorum_size\t3\n";
    assertThat(FourLetterWords.parseMntr(mntr)).containsEntry("zk_peer_state", "following - broadcast")
        .containsEntry("zk_quorum_size", "3").hasSize(4);
  }

  @Test
  public void aServerThatAnswersIsAskedTheWordAndReadToTheEnd() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (Socket s = server.accept()) {
          byte[] word = s.getInputStream().readNBytes(4);
          OutputStream out = s.getOutputStream();
          out.write(("srvr".equals(new String(word, StandardCharsets.US_ASCII)) ? LEADER : "?").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          // The test's assertion reports it.
        }
      });
      answer.start();
      ServerStatus status = words().srvr("127.0.0.1", server.getLocalPort());
      answer.join(5000);
      assertThat(status.mode()).isEqualTo(Mode.LEADER);
    }
  }

  @Test
  public void aClosedPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ServerStatus status = words().srvr("127.0.0.1", port);
    assertThat(status.mode()).isEqualTo(Mode.UNREACHABLE);
    assertThat(status.detail()).contains("ConnectException");
    assertThat(words().mntr("127.0.0.1", port)).isEmpty();
    assertThat(words().conf("127.0.0.1", port)).isEmpty();
  }

  @Test
  public void aSilentServerTimesOutAsUnreachable() throws IOException {
    // The backlog accepts the connection; nobody ever answers.
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();
      ServerStatus status = words().srvr("127.0.0.1", silent.getLocalPort());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(status.mode()).isEqualTo(Mode.UNREACHABLE);
      assertThat(status.detail()).startsWith("timed out");
      assertThat(ms).isBetween(150L, 3000L);
    }
  }

  private static FourLetterWords words() {
    return new FourLetterWords(Duration.ofMillis(500), Duration.ofMillis(200));
  }
}
