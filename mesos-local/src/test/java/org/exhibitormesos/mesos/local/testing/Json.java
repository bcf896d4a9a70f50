package org.exhibitormesos.mesos.local.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** JSON snippets shaped like the Mesos documentation's curl examples. */
public final class Json {
  private Json() {}

  public static String scalar(String name, double v) {
    return "{\"name\":\"" + name + "\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + v + "}}";
  }

  public static String reservedScalar(String name, double v, String role, String principal) {
    return "{\"name\":\"" + name + "\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + v + "},"
        + "\"role\":\"" + role + "\",\"reservation\":{\"principal\":\"" + principal + "\"}}";
  }

  public static String volume(double mb, String role, String principal, String id, String path) {
    return "{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + mb + "},"
        + "\"role\":\"" + role + "\",\"reservation\":{\"principal\":\"" + principal + "\"},"
        + "\"disk\":{\"persistence\":{\"id\":\"" + id + "\",\"principal\":\"" + principal + "\"},"
        + "\"volume\":{\"container_path\":\"" + path + "\",\"mode\":\"RW\"}}}";
  }

  public static String task(String id, JsonElement agentId, String executorId, String command,
      String resources, String data) {
    return "{\"name\":\"" + id + "\",\"task_id\":{\"value\":\"" + id + "\"},\"agent_id\":" + agentId
        + ",\"executor\":{\"executor_id\":{\"value\":\"" + executorId + "\"},\"command\":"
        + command + "},\"resources\":[" + resources + "]"
        + (data == null ? "" : ",\"data\":\"" + java.util.Base64.getEncoder()
            .encodeToString(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"")
        + "}";
  }

  public static String accept(String frameworkId, JsonElement offerId, String operations,
      double refuse) {
    return "{\"framework_id\":{\"value\":\"" + frameworkId + "\"},\"type\":\"ACCEPT\","
        + "\"accept\":{\"offer_ids\":[" + offerId + "],\"operations\":[" + operations + "],"
        + "\"filters\":{\"refuse_seconds\":" + refuse + "}}}";
  }

  public static String launch(String... tasks) {
    return "{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":[" + String.join(",", tasks) + "]}}";
  }

  public static JsonArray offers(JsonObject offersEvent) {
    return offersEvent.getAsJsonObject("offers").getAsJsonArray("offers");
  }

  public static String frameworkId(String id) {
    return "{\"value\":\"" + id + "\"}";
  }
}
