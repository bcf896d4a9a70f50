package org.exhibitormesos.scheduler.mesos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos;
import org.exhibitormesos.core.offers.Offer;

/**
 * Offers held while a new ensemble's initial members are placed together, in arrival order, with
 * when holding started. Confined to the state loop.
 */
final class HeldOffers {
  record Held(Protos.Offer proto, Offer offer) { }

  private final Map<String, Held> held = new LinkedHashMap<>();
  private Optional<Instant> since = Optional.empty();

  void add(Protos.Offer proto, Offer offer, Instant now) {
    held.put(offer.offerId(), new Held(proto, offer));
    if (since.isEmpty()) {
      since = Optional.of(now);
    }
  }

  boolean remove(String offerId) {
    boolean removed = held.remove(offerId) != null;
    if (held.isEmpty()) {
      since = Optional.empty();
    }
    return removed;
  }

  Optional<Held> get(String offerId) {
    return Optional.ofNullable(held.get(offerId));
  }

  List<Offer> offers() {
    return held.values().stream().map(Held::offer).toList();
  }

  Collection<String> ids() {
    return new ArrayList<>(held.keySet());
  }

  boolean isEmpty() {
    return held.isEmpty();
  }

  /** When the oldest held offer arrived; empty when nothing is held. */
  Optional<Instant> since() {
    return since;
  }

  void clear() {
    held.clear();
    since = Optional.empty();
  }
}
