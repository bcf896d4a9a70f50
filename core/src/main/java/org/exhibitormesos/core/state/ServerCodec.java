package org.exhibitormesos.core.state;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.FailoverPolicy;
import org.exhibitormesos.core.server.FailureRecord;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LastPlacement;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;

/** JSON form of a {@link Server} and its parts, for {@link StateCodec}. Times are ISO-8601 UTC. */
final class ServerCodec {
  private ServerCodec() {
  }

  static JsonObject encode(Server s) {
    JsonObject o = new JsonObject();
    o.addProperty("id", s.id().value());
    o.add("settings", encodeSettings(s.settings()));
    o.addProperty("desired", s.desired().name());
    o.addProperty("observed", s.observed().name());
    o.addProperty("reason", s.reason());
    s.task().ifPresent(t -> o.add("task", encodeTask(t)));
    s.reservation().ifPresent(r -> o.add("reservation", encodeReservation(r)));
    JsonObject identity = new JsonObject();
    s.identity().myid().ifPresent(m -> identity.addProperty("myid", m));
    identity.addProperty("membership", s.identity().membership().name());
    o.add("identity", identity);
    JsonObject failures = new JsonObject();
    failures.addProperty("count", s.failures().failures());
    s.failures().notBefore().ifPresent(t -> failures.addProperty("notBefore", t.toString()));
    s.failures().lastFailure().ifPresent(t -> failures.addProperty("last", t));
    o.add("failures", failures);
    s.lastPlacement().ifPresent(p -> {
      JsonObject last = new JsonObject();
      last.addProperty("agentId", p.agentId());
      last.addProperty("hostname", p.hostname());
      last.addProperty("leftAt", p.leftAt().toString());
      o.add("lastPlacement", last);
    });
    return o;
  }

  static Server decode(JsonFields f) throws StateFormatException {
    ServerId id;
    try {
      id = ServerId.of(f.integer("id"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("server id", e);
    }
    ServerSettings settings = decodeSettings(f.object("settings"));
    Optional<Task> task = f.has("task") ? Optional.of(decodeTask(f.object("task"))) : Optional.empty();
    Optional<Reservation> reservation =
        f.has("reservation") ? Optional.of(decodeReservation(f.object("reservation"))) : Optional.empty();
    JsonFields identity = f.object("identity");
    JsonFields failures = f.object("failures");
    Optional<LastPlacement> last = Optional.empty();
    try {
      Identity ident = new Identity(identity.optionalInteger("myid"),
          identity.enumValue("membership", Identity.Membership.class));
      FailureRecord failureRecord = new FailureRecord(failures.integer("count"), failures.optionalInstant("notBefore"),
          failures.optionalString("last"));
      if (f.has("lastPlacement")) {
        JsonFields p = f.object("lastPlacement");
        last = Optional.of(new LastPlacement(p.string("agentId"), p.string("hostname"), p.instant("leftAt")));
      }
      return new Server(id, settings, f.enumValue("desired", DesiredState.class),
          f.enumValue("observed", ObservedState.class), f.string("reason"), task, reservation, ident,
          failureRecord, last);
    } catch (IllegalArgumentException e) {
      throw f.invalid("server", e);
    }
  }

  private static JsonObject encodeSettings(ServerSettings s) {
    JsonObject o = new JsonObject();
    o.addProperty("cpus", s.resources().cpus());
    o.addProperty("memMb", s.resources().memMb());
    o.addProperty("diskMb", s.resources().diskMb());
    o.addProperty("constraints", s.constraints().toString());
    o.add("exhibitorFlags", encodeMap(s.exhibitorFlags()));
    o.add("sharedOverrides", encodeMap(s.sharedOverrides()));
    o.addProperty("adminPorts", PortRange.formatList(s.adminPorts()));
    o.addProperty("javaOptions", s.javaOptions());
    o.addProperty("stickinessPeriod", s.stickinessPeriod().toString());
    JsonObject failover = new JsonObject();
    failover.addProperty("delay", s.failover().delay().toString());
    failover.addProperty("maxDelay", s.failover().maxDelay().toString());
    s.failover().maxTries().ifPresent(t -> failover.addProperty("maxTries", t));
    o.add("failover", failover);
    o.addProperty("configChangeBackoff", s.configChangeBackoff().toString());
    return o;
  }

  private static ServerSettings decodeSettings(JsonFields f) throws StateFormatException {
    JsonFields failover = f.object("failover");
    try {
      return new ServerSettings(new Resources(f.number("cpus"), f.number("memMb"), f.number("diskMb")),
          Constraints.parse(f.string("constraints")), decodeMap(f.object("exhibitorFlags")), decodeMap(f.object("sharedOverrides")),
          PortRange.parseList(f.string("adminPorts")), f.string("javaOptions"), f.duration("stickinessPeriod"),
          new FailoverPolicy(failover.duration("delay"), failover.duration("maxDelay"),
              failover.optionalInteger("maxTries")),
          f.duration("configChangeBackoff"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("settings", e);
    }
  }

  private static JsonObject encodeMap(Map<String, String> map) {
    JsonObject o = new JsonObject();
    map.forEach(o::addProperty);
    return o;
  }

  private static java.util.SortedMap<String, String> decodeMap(JsonFields f) throws StateFormatException {
    java.util.SortedMap<String, String> map = new TreeMap<>();
    for (String key : f.keys()) {
      map.put(key, f.string(key));
    }
    return map;
  }

  private static JsonObject encodeTask(Task t) {
    JsonObject o = new JsonObject();
    o.addProperty("taskId", t.taskId());
    o.addProperty("executorId", t.executorId());
    o.addProperty("agentId", t.agentId());
    o.addProperty("hostname", t.hostname());
    o.add("attributes", encodeMap(t.agent().attributes()));
    o.add("ports", encodePorts(t.ports()));
    t.launchedAs().ifPresent(k -> o.addProperty("launchedAs", k.name()));
    o.addProperty("launchedAt", t.launchedAt().toString());
    o.addProperty("lastState", t.lastState().name());
    t.runningSince().ifPresent(r -> o.addProperty("runningSince", r.toString()));
    return o;
  }

  /** A task without {@code launchedAs} was written before the launch kind was kept: it is unknown. */
  private static Task decodeTask(JsonFields f) throws StateFormatException {
    try {
      Optional<LaunchKind> launchedAs =
          f.has("launchedAs") ? Optional.of(f.enumValue("launchedAs", LaunchKind.class)) : Optional.empty();
      return new Task(f.string("taskId"), f.string("executorId"), f.string("agentId"),
          new AgentAttributes(f.string("hostname"), decodeMap(f.object("attributes"))),
          decodePorts(f.object("ports")), launchedAs, f.instant("launchedAt"),
          f.enumValue("lastState", TaskState.class), f.optionalInstant("runningSince"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("task", e);
    }
  }

  static JsonObject encodePorts(Ports p) {
    JsonObject o = new JsonObject();
    o.addProperty("client", p.client());
    o.addProperty("peer", p.peer());
    o.addProperty("election", p.election());
    o.addProperty("admin", p.admin());
    return o;
  }

  static Ports decodePorts(JsonFields f) throws StateFormatException {
    try {
      return new Ports(f.integer("client"), f.integer("peer"), f.integer("election"), f.integer("admin"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("ports", e);
    }
  }

  static JsonObject encodeReservation(Reservation r) {
    JsonObject o = new JsonObject();
    o.addProperty("agentId", r.agentId());
    o.addProperty("hostname", r.hostname());
    o.add("attributes", encodeMap(r.agent().attributes()));
    o.addProperty("role", r.role());
    o.addProperty("persistenceId", r.persistenceId());
    o.addProperty("containerPath", r.containerPath());
    o.add("ports", encodePorts(r.ports()));
    return o;
  }

  static Reservation decodeReservation(JsonFields f) throws StateFormatException {
    try {
      return new Reservation(f.string("agentId"),
          new AgentAttributes(f.string("hostname"), decodeMap(f.object("attributes"))), f.string("role"),
          f.string("persistenceId"), f.string("containerPath"), decodePorts(f.object("ports")));
    } catch (IllegalArgumentException e) {
      throw f.invalid("reservation", e);
    }
  }
}
