package org.exhibitormesos.scheduler.loop;

import java.util.Optional;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.scheduler.mesos.Calls;

/**
 * Whether offers of the role are suppressed. SUPPRESS is sent once when nothing waits; REVIVE
 * whenever a server starts waiting (it also clears the refuse filters of earlier declines).
 * Confined to the state loop.
 */
public final class OfferSuppression {
  private final String role;
  private boolean suppressed;

  public OfferSuppression(String role) {
    this.role = role;
  }

  public Call revive() {
    suppressed = false;
    return Calls.revive(role);
  }

  /** SUPPRESS, unless already sent since the last revive or subscription. */
  public Optional<Call> suppress() {
    if (suppressed) {
      return Optional.empty();
    }
    suppressed = true;
    return Optional.of(Calls.suppress(role));
  }

  /** A new subscription starts unsuppressed. */
  public void subscribed() {
    suppressed = false;
  }

  public boolean suppressed() {
    return suppressed;
  }
}
