package org.exhibitormesos.mesos.local.master;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.exhibitormesos.mesos.local.Attributes;

/** The small {@code /state} document for debugging (not the Mesos operator API). */
final class StateJson {
  private StateJson() {}

  static JsonObject of(MasterState state, Allocator allocator) {
    JsonObject root = new JsonObject();
    root.addProperty("id", state.masterId);
    root.addProperty("version", state.masterInfo.getVersion());
    root.addProperty("hostname", state.masterInfo.getHostname());
    root.addProperty("pid", state.masterInfo.getPid());
    JsonArray agents = new JsonArray();
    for (Agent a : state.agents) {
      JsonObject o = new JsonObject();
      o.addProperty("id", a.id == null ? null : a.idValue());
      o.addProperty("hostname", a.config.address());
      o.addProperty("endpoint", a.endpoint.toString());
      o.addProperty("active", a.active);
      o.addProperty("resources", String.valueOf(a.total));
      o.addProperty("available", a.active ? String.valueOf(allocator.available(a)) : "");
      o.addProperty("attributes", Attributes.format(a.info == null ? java.util.List.of()
          : a.info.getAttributesList()));
      o.addProperty("work_dir", a.workDir.toString());
      JsonArray executors = new JsonArray();
      for (Executor e : a.executors.values()) {
        JsonObject x = new JsonObject();
        x.addProperty("id", e.idValue());
        x.addProperty("framework_id", e.framework.idValue());
        x.addProperty("phase", e.phase.name());
        x.addProperty("pid", e.process == null ? -1 : e.process.pid());
        x.addProperty("sandbox", String.valueOf(e.sandbox));
        executors.add(x);
      }
      o.add("executors", executors);
      agents.add(o);
    }
    root.add("agents", agents);
    JsonArray frameworks = new JsonArray();
    for (Framework fw : state.frameworks.values()) {
      JsonObject o = new JsonObject();
      o.addProperty("id", fw.idValue());
      o.addProperty("name", fw.info.getName());
      o.addProperty("connected", fw.connected());
      o.add("roles", strings(fw.roles()));
      o.add("suppressed_roles", strings(fw.suppressedRoles));
      JsonArray tasks = new JsonArray();
      for (Task t : fw.tasks.values()) {
        JsonObject x = new JsonObject();
        x.addProperty("id", t.idValue());
        x.addProperty("state", t.state.name());
        x.addProperty("agent_id", t.agent.idValue());
        x.addProperty("executor_id", t.executor.idValue());
        x.addProperty("unacknowledged_updates", t.pending.size());
        tasks.add(x);
      }
      o.add("tasks", tasks);
      frameworks.add(o);
    }
    root.add("frameworks", frameworks);
    root.add("completed_frameworks", strings(state.removedFrameworks));
    JsonArray offers = new JsonArray();
    for (Offer offer : state.offers.values()) {
      JsonObject o = new JsonObject();
      o.addProperty("id", offer.id());
      o.addProperty("framework_id", offer.framework().idValue());
      o.addProperty("agent_id", offer.agent().idValue());
      o.addProperty("role", offer.role());
      o.addProperty("resources", String.valueOf(offer.resources()));
      offers.add(o);
    }
    root.add("offers", offers);
    return root;
  }

  private static JsonArray strings(Iterable<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
