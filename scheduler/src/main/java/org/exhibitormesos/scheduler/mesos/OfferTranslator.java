package org.exhibitormesos.scheduler.mesos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.Offer.OfferedResources;
import org.exhibitormesos.core.offers.Offer.OfferedVolume;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.PortRange;

/**
 * Turns a Mesos offer into core's {@link Offer}: the unreserved pool, and this framework's
 * reservations grouped by the volume they hold. Attributes become text (scalars as numbers, ranges
 * as {@code [a-b,c-d]}, sets as {@code {a,b}}) so constraints can match them.
 */
public final class OfferTranslator {
  private final String role;

  /** @param role the framework's role; {@code *} means no reservations or volumes */
  public OfferTranslator(String role) {
    this.role = role;
  }

  public Offer translate(org.apache.mesos.v1.Protos.Offer offer) {
    Map<String, String> attributes = new TreeMap<>();
    for (Attribute a : offer.getAttributesList()) {
      attributes.put(a.getName(), text(a));
    }
    Pool unreserved = new Pool();
    Map<String, Pool> reserved = new LinkedHashMap<>();
    Map<String, String> containerPaths = new LinkedHashMap<>();
    for (Resource r : offer.getResourcesList()) {
      if (Reservations.unreserved(r)) {
        unreserved.add(r);
        continue;
      }
      Optional<String> pid = Reservations.persistenceIdOf(r, role);
      if (pid.isEmpty()) {
        continue;
      }
      reserved.computeIfAbsent(pid.get(), k -> new Pool()).add(r);
      if (r.hasDisk() && r.getDisk().hasVolume() && r.getDisk().hasPersistence()) {
        containerPaths.put(pid.get(), r.getDisk().getVolume().getContainerPath());
      }
    }
    List<OfferedVolume> volumes = new ArrayList<>();
    // Only reservations whose volume exists can be relaunched on; a bare reservation is released.
    reserved.forEach((pid, pool) -> {
      if (containerPaths.containsKey(pid)) {
        volumes.add(new OfferedVolume(pid, containerPaths.get(pid), pool.resources()));
      }
    });
    String allocationRole = offer.hasAllocationInfo() && offer.getAllocationInfo().hasRole()
        ? offer.getAllocationInfo().getRole() : role;
    return new Offer(offer.getId().getValue(), offer.getAgentId().getValue(),
        new AgentAttributes(offer.getHostname(), attributes), allocationRole, unreserved.resources(), volumes);
  }

  static String text(Attribute a) {
    return switch (a.getType()) {
      case SCALAR -> number(a.getScalar().getValue());
      case TEXT -> a.getText().getValue();
      case RANGES -> {
        List<String> parts = new ArrayList<>();
        for (Value.Range r : a.getRanges().getRangeList()) {
          parts.add(r.getBegin() + "-" + r.getEnd());
        }
        yield "[" + String.join(",", parts) + "]";
      }
      case SET -> "{" + String.join(",", a.getSet().getItemList()) + "}";
    };
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Sums of scalars and the port ranges of some resources. */
  private static final class Pool {
    private double cpus;
    private double mem;
    private double disk;
    private final List<PortRange> ports = new ArrayList<>();

    void add(Resource r) {
      switch (r.getName()) {
        case "cpus" -> cpus += r.getScalar().getValue();
        case "mem" -> mem += r.getScalar().getValue();
        case "disk" -> disk += r.getScalar().getValue();
        case "ports" -> {
          for (Value.Range range : r.getRanges().getRangeList()) {
            if (range.getBegin() >= 1 && range.getEnd() <= 65535 && range.getBegin() <= range.getEnd()) {
              ports.add(new PortRange((int) range.getBegin(), (int) range.getEnd()));
            }
          }
        }
        default -> {
          // other resources (gpus, custom) are not used
        }
      }
    }

    OfferedResources resources() {
      return new OfferedResources(cpus, mem, disk, ports);
    }
  }
}
