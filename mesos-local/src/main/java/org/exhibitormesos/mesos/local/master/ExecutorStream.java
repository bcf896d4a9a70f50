package org.exhibitormesos.mesos.local.master;

import org.apache.mesos.v1.executor.Protos.Event;

/** The HTTP side of one executor SUBSCRIBE request; see {@link SchedulerStream}. */
public interface ExecutorStream {
  void open();

  void send(Event event);

  void reject(int status, String message);

  void close();

  void onClosed(Runnable action);
}
