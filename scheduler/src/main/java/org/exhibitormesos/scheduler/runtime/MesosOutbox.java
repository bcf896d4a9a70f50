package org.exhibitormesos.scheduler.runtime;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.mesos.http.NotSubscribedException;
import org.exhibitormesos.mesos.http.scheduler.MesosSchedulerClient;
import org.exhibitormesos.scheduler.loop.Outbox;
import org.exhibitormesos.scheduler.mesos.Calls;
import org.exhibitormesos.scheduler.membership.MembershipRounds;

/**
 * The state loop's actions on the real Mesos client and membership driver. A call that fails is
 * logged: what it was for is re-derived (reconciliation resends kills, offers come again).
 */
final class MesosOutbox implements Outbox {
  private static final Logger LOG = LogManager.getLogger(MesosOutbox.class);

  private final AtomicReference<MesosSchedulerClient> client = new AtomicReference<>();
  private final AtomicReference<MembershipRounds> driver = new AtomicReference<>();

  void client(MesosSchedulerClient value) {
    client.set(value);
  }

  void driver(MembershipRounds value) {
    driver.set(value);
  }

  @Override
  public void send(Call call) {
    MesosSchedulerClient c = client.get();
    if (c == null) {
      LOG.warn("not connected to Mesos yet; dropping {}", Calls.describe(call));
      return;
    }
    c.send(call).whenComplete((ok, error) -> {
      if (error == null) {
        return;
      }
      Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
          ? error.getCause() : error;
      if (cause instanceof NotSubscribedException) {
        LOG.info("not subscribed; {} not sent", Calls.describe(call));
      } else {
        LOG.warn("{} failed: {}", Calls.describe(call), cause.toString());
      }
    });
  }

  @Override
  public void pokeMembership() {
    MembershipRounds d = driver.get();
    if (d != null) {
      d.poke();
    }
  }
}
