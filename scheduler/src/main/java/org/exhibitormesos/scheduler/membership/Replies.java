package org.exhibitormesos.scheduler.membership;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.zookeeper.KeeperException.Code;

/**
 * Waits for an asynchronous ZooKeeper call against a deadline. Asynchronous calls are used
 * throughout so that no call blocks longer than its deadline, whatever the connection does.
 */
final class Replies {

  /**
   * A call's answer: its result code ({@code null} when none came in time) and data, if any.
   *
   * @param code the result code, or {@code null} when no answer came before the deadline
   * @param data the bytes a data callback returned, or {@code null}
   */
  record Reply(Code code, byte[] data) {
    static Reply of(int rc, byte[] data) {
      return new Reply(Code.get(rc), data);
    }

    boolean ok() {
      return code == Code.OK;
    }

    String describe() {
      return code == null ? "no answer in time" : code.toString();
    }
  }

  private Replies() {
  }

  /**
   * Starts a call and waits for its reply until {@code deadlineNanos} ({@link System#nanoTime}).
   * An interrupt ends the wait as "no answer" and keeps the interrupt flag set.
   */
  static Reply await(long deadlineNanos, Consumer<CompletableFuture<Reply>> call) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    call.accept(reply);
    long left = Math.max(0, deadlineNanos - System.nanoTime());
    try {
      return reply.get(left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(null, null);
    } catch (TimeoutException | ExecutionException e) {
      return new Reply(null, null);
    }
  }

  static long deadline(Duration timeout) {
    return System.nanoTime() + timeout.toNanos();
  }
}
