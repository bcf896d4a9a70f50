package org.exhibitormesos.core.offers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;

/**
 * Chooses a server's four ports from an offer's free ports: a required value when one is pinned
 * (an override or the ensemble's shared Exhibitor ports), else the lowest free one; the admin port
 * from the server's allowed ranges. Reports every port it cannot have.
 */
final class PortChoice {
  private PortChoice() {
  }

  /** A pinned port value with the setting that pins it, for the reason text. */
  record Pin(int port, String source) { }

  record Result(Optional<Ports> ports, List<String> reasons) { }

  static Result choose(PortPool pool, Optional<Pin> client, Optional<Pin> peer, Optional<Pin> election,
      List<PortRange> adminRanges) {
    return choose(pool, client, peer, election, Optional.empty(), adminRanges);
  }

  /** As above, with the admin port pinned too (Exhibitor's UI port, the same on every member). */
  static Result choose(PortPool pool, Optional<Pin> client, Optional<Pin> peer, Optional<Pin> election,
      Optional<Pin> admin, List<PortRange> adminRanges) {
    List<String> reasons = new ArrayList<>();
    Set<Integer> chosen = new HashSet<>();
    // Pinned ports first, so a free choice never takes a port another role of this server needs.
    client.ifPresent(p -> chosen.add(p.port()));
    peer.ifPresent(p -> chosen.add(p.port()));
    election.ifPresent(p -> chosen.add(p.port()));
    admin.ifPresent(p -> chosen.add(p.port()));
    Integer c = pick(pool, "client", client, List.of(), chosen, reasons);
    Integer pe = pick(pool, "peer", peer, List.of(), chosen, reasons);
    Integer el = pick(pool, "election", election, List.of(), chosen, reasons);
    Integer ad = pick(pool, "admin", admin, adminRanges, chosen, reasons);
    if (!reasons.isEmpty()) {
      return new Result(Optional.empty(), reasons);
    }
    if (new HashSet<>(List.of(c, pe, el, ad)).size() < 4) {
      return new Result(Optional.empty(), List.of("ports " + c + "," + pe + "," + el + "," + ad + " must differ"));
    }
    return new Result(Optional.of(new Ports(c, pe, el, ad)), List.of());
  }

  private static Integer pick(PortPool pool, String role, Optional<Pin> pin, List<PortRange> allowed, Set<Integer> chosen,
      List<String> reasons) {
    if (pin.isPresent()) {
      int port = pin.get().port();
      if (!pool.available(port)) {
        reasons.add("port " + port + " (" + pin.get().source() + ") is not offered");
        return null;
      }
      return port;
    }
    Optional<Integer> free = pool.lowest(allowed, chosen);
    if (free.isEmpty()) {
      reasons.add(allowed.isEmpty() ? "no free port for " + role
          : "no free " + role + " port in " + PortRange.formatList(allowed));
      return null;
    }
    chosen.add(free.get());
    return free.get();
  }
}
