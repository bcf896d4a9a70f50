package org.exhibitormesos.executor;

import java.time.Duration;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.mesos.http.executor.PendingUpdate;

/** Where status updates go: the executor client, narrowed to what tasks need. */
public interface StatusUpdates {
  /** Sends reliably (kept until acknowledged); never blocks. */
  PendingUpdate update(TaskStatus status);

  /** Waits up to {@code timeout} for every update sent so far to be acknowledged. */
  boolean awaitAllAcknowledged(Duration timeout) throws InterruptedException;
}
