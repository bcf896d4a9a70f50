package org.exhibitormesos.executor.zookeeper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks ZooKeeper's client port a four-letter word over a plain socket: connect, send the word,
 * read until the server closes. Thread safe; each call opens its own connection.
 */
public final class FourLetterWordProbe {
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final String host;
  private final int port;
  private final Duration timeout;

  /** @param timeout bound for connecting and for the whole answer */
  public FourLetterWordProbe(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  /**
   * The server's answer, or empty when it did not answer (refused, timed out, closed with no
   * answer).
   */
  public Optional<String> ask(String word) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (answer.size() < MAX_ANSWER_BYTES) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return Optional.empty();
        }
        socket.setSoTimeout((int) left);
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        answer.write(buffer, 0, n);
      }
      return answer.size() == 0 ? Optional.empty()
          : Optional.of(answer.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code srvr}: empty when there was no answer at all. */
  public Optional<SrvrStatus> srvr() {
    return ask("srvr").map(SrvrStatus::parse);
  }
}
