package org.exhibitormesos.mesos.http.executor;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * A status update handed to the agent, tracked until the agent ACKNOWLEDGED it.
 *
 * @param uuid the update's uuid, as sent in {@code TaskStatus.uuid}
 * @param status the update as sent (uuid, source and executor id filled in)
 * @param acknowledged completes when the ACKNOWLEDGED event arrives; fails if the agent rejected
 *     the update (e.g. 400) or the client gave up or closed
 */
public record PendingUpdate(UUID uuid, TaskStatus status, CompletableFuture<Void> acknowledged) {
  public PendingUpdate {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(acknowledged, "acknowledged");
  }

  /**
   * Waits up to {@code timeout} for the acknowledgement.
   *
   * @return true if acknowledged; false on timeout or if the update failed
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
    try {
      acknowledged.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    }
  }
}
