package org.exhibitormesos.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the scheduler's status value ({@code /api/status}'s {@code value}) in end-to-end tests. */
public final class StatusJson {
  private StatusJson() {}

  public static List<JsonObject> servers(JsonObject status) {
    List<JsonObject> out = new ArrayList<>();
    status.getAsJsonArray("servers").forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  public static JsonObject server(JsonObject status, int id) {
    return servers(status).stream().filter(s -> s.get("id").getAsInt() == id).findFirst()
        .orElseThrow(() -> new AssertionError("no server " + id + " in " + status));
  }

  /** The ensemble's members as the scheduler last saw them; empty without an ensemble. */
  public static List<JsonObject> members(JsonObject status) {
    List<JsonObject> out = new ArrayList<>();
    JsonElement ensemble = status.get("ensemble");
    if (ensemble != null && ensemble.isJsonObject() && ensemble.getAsJsonObject().has("members")) {
      ensemble.getAsJsonObject().getAsJsonArray("members").forEach(e -> out.add(e.getAsJsonObject()));
    }
    return out;
  }

  /** Server id to task id (null for a server without a task). */
  public static Map<Integer, String> taskIds(JsonObject status) {
    Map<Integer, String> out = new TreeMap<>();
    servers(status).forEach(s -> out.put(s.get("id").getAsInt(), text(s, "taskId")));
    return out;
  }

  /** A field's text, null when absent or null (the API leaves out null fields). */
  public static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
