package org.exhibitormesos.scheduler.loop;

import java.util.concurrent.CompletableFuture;
import org.exhibitormesos.core.cluster.CommandOutcome;

/**
 * What the HTTP layer may ask of the scheduler's state loop. Thread-safe: the API calls it from its
 * Netty event-loop threads.
 *
 * <p>The API never blocks on the returned futures; it continues on its own threads, so an
 * implementation may complete them on the state loop's thread.
 */
public interface ClusterControl {
  /**
   * Runs the command on the state loop: validate, persist, then act.
   *
   * @return completes with the outcome once the new state is persisted (its {@code state} is that
   *     persisted state), or exceptionally with
   *     {@link org.exhibitormesos.core.cluster.CommandRefusedException} (the state forbids it),
   *     {@link org.exhibitormesos.core.InvalidInputException} (bad input),
   *     {@link org.exhibitormesos.core.state.store.StateStoreException} or
   *     {@link IllegalStateException} (the scheduler cannot act: not subscribed yet, state not
   *     writable). Refused or failed commands change nothing.
   */
  CompletableFuture<CommandOutcome> submit(ClusterCommand command);

  /**
   * The latest persisted state and the live ensemble view; never blocks. The API polls it while a
   * start or stop waits (a few times a second per waiting request), so it must be cheap: return the
   * last published immutable value.
   */
  ClusterSnapshot snapshot();
}
