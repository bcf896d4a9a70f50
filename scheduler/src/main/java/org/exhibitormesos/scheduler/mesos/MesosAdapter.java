package org.exhibitormesos.scheduler.mesos;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.scheduler.Disconnect;
import org.exhibitormesos.mesos.http.scheduler.SchedulerListener;
import org.exhibitormesos.scheduler.loop.StateLoop;

/**
 * Turns the Mesos client's events into messages for the state loop. Runs on the client's event
 * thread and only posts.
 */
public final class MesosAdapter implements SchedulerListener {
  private static final Logger LOG = LogManager.getLogger(MesosAdapter.class);

  private final StateLoop loop;

  public MesosAdapter(StateLoop loop) {
    this.loop = loop;
  }

  @Override
  public void onSubscribed(Event.Subscribed subscribed, HostAndPort master) {
    loop.onSubscribed(subscribed.getFrameworkId().getValue());
  }

  @Override
  public void onEvent(Event event) {
    switch (event.getType()) {
      case OFFERS -> loop.onOffers(event.getOffers().getOffersList());
      case RESCIND -> loop.onRescind(event.getRescind().getOfferId().getValue());
      case UPDATE -> loop.onUpdate(event.getUpdate().getStatus());
      case FAILURE -> {
        Event.Failure f = event.getFailure();
        // Not reliable and not needed: the tasks' own updates (LOST, FAILED) drive the lifecycle.
        LOG.warn("Mesos reports a failure: agent {}{}{}", f.getAgentId().getValue(),
            f.hasExecutorId() ? ", executor " + f.getExecutorId().getValue() : "",
            f.hasStatus() ? ", wait status " + f.getStatus() : "");
      }
      case ERROR -> onError(event.getError().getMessage());
      default -> LOG.debug("ignoring {} event", event.getType());
    }
  }

  private void onError(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("removed") || lower.contains("failed over")) {
      // The framework id is dead, or another scheduler now holds it: going on would fight it.
      loop.stopWith("Mesos ended this framework's subscription: " + message);
    } else {
      LOG.warn("Mesos sent an error: {}; resubscribing", message);
    }
  }

  @Override
  public void onDisconnected(Disconnect reason) {
    loop.onDisconnected();
  }

  @Override
  public void onSubscriptionFailed(Disconnect reason) {
    LOG.debug("subscription attempt failed: {}", reason);
  }
}
