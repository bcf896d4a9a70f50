package org.exhibitormesos.scheduler.membership.exhibitor;

import java.time.Duration;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.exhibitor.client.ExhibitorClient;
import org.exhibitormesos.exhibitor.client.ExhibitorException;
import org.exhibitormesos.exhibitor.client.ServersSpec;

/**
 * Rewrites one Exhibitor's servers spec ({@code config/get-state}, edit, {@code config/set}) with
 * {@code --ensemble-modify-retries} tries, {@code --ensemble-modify-backoff} apart. Entries are
 * matched by server id: ids the target does not list are removed, the target's entries are put
 * (replacing an entry with the same id); every other config field is posted back as read.
 */
final class SpecWriter {
  private static final Logger LOG = LogManager.getLogger(SpecWriter.class);

  private final int tries;
  private final Duration backoff;

  SpecWriter(int tries, Duration backoff) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries " + tries + " is below 1");
    }
    this.tries = tries;
    this.backoff = backoff;
  }

  /** {@code current} edited by server id into {@code target}. */
  static ServersSpec edit(ServersSpec current, ServersSpec target) {
    ServersSpec out = current;
    for (ServersSpec.Entry e : current.entries()) {
      if (target.entry(e.id()).isEmpty()) {
        out = out.without(e.id());
      }
    }
    for (ServersSpec.Entry e : target.entries()) {
      out = out.with(e);
    }
    return out;
  }

  /**
   * @return empty when the spec was written, else the last failure
   * @throws InterruptedException while waiting between tries
   */
  Optional<String> write(ExhibitorClient client, ServersSpec target) throws InterruptedException {
    String last = "";
    for (int attempt = 1; attempt <= tries; attempt++) {
      try {
        client.updateServersSpec(current -> edit(current, target));
        return Optional.empty();
      } catch (ExhibitorException e) {
        last = e.getMessage();
        LOG.warn("servers spec {} at {}: try {} of {} failed: {}", target, client.base(), attempt, tries, last);
      }
      if (attempt < tries) {
        Thread.sleep(backoff.toMillis());
      }
    }
    return Optional.of(last);
  }
}
