package org.exhibitormesos.mesos.local.master;

import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The HTTP side of one scheduler SUBSCRIBE request, driven by the master's state thread: either
 * {@link #reject} it (a non-200 answer) or {@link #open} it and then {@link #send} events.
 * Implementations must be callable from the state thread without blocking.
 */
public interface SchedulerStream {
  /** Answers 200 with {@code Mesos-Stream-Id}; the stream stays open. */
  void open(String streamId);

  /** Writes one event as a RecordIO record and flushes. Ignored once closed. */
  void send(Event event);

  /** Answers {@code status} with a plain-text body; no stream. */
  void reject(int status, String message);

  /** Ends the response (closing the connection). Idempotent. */
  void close();

  /** Runs {@code action} (on any thread) once the connection is gone, whoever closed it. */
  void onClosed(Runnable action);
}
