package org.exhibitormesos.mesos.http.scheduler;

import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * Receives what the scheduler client learns. All methods are called on the client's event thread,
 * one at a time, in stream order. Implementations should return quickly and must not block on a
 * future returned by {@link MesosSchedulerClient#send}, which completes on the same thread.
 */
public interface SchedulerListener {
  /**
   * A subscription is live; calls may be sent. Called for the first and every later subscription;
   * offers held from an earlier subscription are void (the master discards them silently).
   *
   * @param master the master that accepted the subscription
   */
  void onSubscribed(Event.Subscribed subscribed, HostAndPort master);

  /**
   * Any event other than SUBSCRIBED and HEARTBEAT (those are handled by the client). After an
   * ERROR event the client abandons the stream and resubscribes; on {@code "Framework has been
   * removed"} the caller must close the client or make the supplier drop the framework id.
   */
  void onEvent(Event event);

  /**
   * The live subscription ended; the client resubscribes by itself (after a backoff). Paired with
   * the preceding {@link #onSubscribed}. Not called by {@link MesosSchedulerClient#close()}.
   */
  void onDisconnected(Disconnect reason);

  /** A subscription attempt failed before SUBSCRIBED; the client will try again. */
  default void onSubscriptionFailed(Disconnect reason) {}
}
