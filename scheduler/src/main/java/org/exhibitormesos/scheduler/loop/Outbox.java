package org.exhibitormesos.scheduler.loop;

import org.apache.mesos.v1.scheduler.Protos.Call;

/** Where the state loop's actions leave the process. Implementations must not block. */
public interface Outbox {
  /** Sends a Mesos call; failures are logged by the implementation, never thrown. */
  void send(Call call);

  /** Asks the membership driver for a round soon. */
  void pokeMembership();
}
