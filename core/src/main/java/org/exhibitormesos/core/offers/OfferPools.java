package org.exhibitormesos.core.offers;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.core.offers.Offer.OfferedVolume;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Resources;

/** What is left of an offer's unreserved resources as servers are placed on it. Mutable; one evaluation. */
final class OfferPools {
  private double cpus;
  private double memMb;
  private double diskMb;
  private final PortPool ports;

  OfferPools(Offer offer) {
    this.cpus = offer.unreserved().cpus();
    this.memMb = offer.unreserved().memMb();
    this.diskMb = offer.unreserved().diskMb();
    this.ports = new PortPool(offer.unreserved().ports());
  }

  PortPool ports() {
    return ports;
  }

  /** Every resource the offer lacks for {@code need}, one reason each. */
  List<String> checkUnreserved(Resources need) {
    List<String> reasons = new ArrayList<>();
    lack(reasons, "cpus", need.cpus(), cpus);
    lack(reasons, "mem", need.memMb(), memMb);
    lack(reasons, "disk", need.diskMb(), diskMb);
    return reasons;
  }

  /** What the reserved resources of a volume lack for a relaunch on it. */
  static List<String> checkReserved(OfferedVolume volume, Ports wanted) {
    List<String> reasons = new ArrayList<>();
    for (int p : wanted.asList()) {
      if (volume.reserved().ports().stream().noneMatch(r -> r.contains(p))) {
        reasons.add("reserved port " + p + " is not offered with volume " + volume.persistenceId());
      }
    }
    return reasons;
  }

  void take(Resources need, Ports chosen) {
    cpus -= need.cpus();
    memMb -= need.memMb();
    diskMb -= need.diskMb();
    chosen.asList().forEach(ports::take);
  }

  private static void lack(List<String> reasons, String name, double needed, double offered) {
    if (needed > offered + 1e-9) {
      reasons.add("needs " + name + " " + format(needed) + ", offer has " + format(Math.max(offered, 0)));
    }
  }

  static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 1000) / 1000.0);
  }
}
