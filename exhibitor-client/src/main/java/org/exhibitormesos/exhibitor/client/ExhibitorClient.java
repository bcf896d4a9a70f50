package org.exhibitormesos.exhibitor.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Talks to one Exhibitor's REST API at {@code http://<host>:<port>/exhibitor/v1/}.
 *
 * <p>Every call is one HTTP request bounded by the timeout; nothing is retried here (retries and
 * backoff are the caller's policy, {@code --ensemble-modify-retries} in the scheduler). Thread
 * safe; holds no connection between calls that needs closing.
 */
public final class ExhibitorClient {
  /** The REST API's path. */
  public static final String BASE_PATH = "/exhibitor/v1/";

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param host the Exhibitor's host name or address
   * @param port its HTTP port (the task's admin port)
   * @param timeout bound of each request, connecting included
   */
  public ExhibitorClient(String host, int port, Duration timeout) {
    this(URI.create("http://" + host + ":" + port + BASE_PATH), HttpClient.newBuilder()
        .connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build(), timeout);
  }

  /** @param base the API's base URI, ending in {@code /exhibitor/v1/} */
  public ExhibitorClient(URI base, HttpClient http, Duration timeout) {
    this.base = base;
    this.http = http;
    this.timeout = timeout;
  }

  public URI base() {
    return base;
  }

  /**
   * {@code GET config/get-state}.
   *
   * @throws ExhibitorException if Exhibitor does not answer with its state
   */
  public ExhibitorState getState() throws ExhibitorException, InterruptedException {
    JsonObject o = object(get("config/get-state"), "config/get-state");
    JsonElement config = o.get("config");
    if (config == null || !config.isJsonObject()) {
      throw new ExhibitorException("config/get-state at " + base + " has no config object");
    }
    return new ExhibitorState(bool(o, "running"),
        bool(config.getAsJsonObject(), "rollInProgress") || bool(o, "rollInProgress"),
        new ExhibitorState.Config(config.getAsJsonObject()));
  }

  /**
   * {@code POST config/set} with the whole config, every number sent as a string (as Exhibitor's
   * own UI does; it reads text fields as text only). Exhibitor 1.5.6 takes about 5 s to answer
   * (measured with {@code --configtype file}): give this client a timeout well above that.
   *
   * @throws ExhibitorException if Exhibitor does not answer {@code "succeeded": true}
   */
  public void setConfig(ExhibitorState.Config config)
      throws ExhibitorException, InterruptedException {
    String body = numbersAsStrings(config.json()).toString();
    JsonObject answer = object(post("config/set", body), "config/set");
    if (!bool(answer, "succeeded")) {
      JsonElement message = answer.get("message");
      throw new ExhibitorException("Exhibitor at " + base + " refused the config: "
          + (message == null ? answer : message.getAsString()));
    }
  }

  /**
   * Reads the config, edits its servers spec and posts it back: the original framework's way to
   * change membership.
   *
   * @return the config that was posted
   * @throws ExhibitorException if reading or posting fails, or Exhibitor refuses
   */
  public ExhibitorState.Config updateServersSpec(UnaryOperator<ServersSpec> edit)
      throws ExhibitorException, InterruptedException {
    ExhibitorState.Config current = getState().config();
    ExhibitorState.Config updated = current.withServersSpec(edit.apply(current.serversSpec()));
    setConfig(updated);
    return updated;
  }

  /** Sets server {@code entry.id()}'s entry (adds it, or replaces the entry with its id). */
  public ExhibitorState.Config putServer(ServersSpec.Entry entry)
      throws ExhibitorException, InterruptedException {
    return updateServersSpec(spec -> spec.with(entry));
  }

  /** Removes server {@code id}'s entry, whatever its host. */
  public ExhibitorState.Config removeServer(int id)
      throws ExhibitorException, InterruptedException {
    return updateServersSpec(spec -> spec.without(id));
  }

  /**
   * {@code GET cluster/status}: every server of the spec as this Exhibitor sees it.
   *
   * @throws ExhibitorException if Exhibitor does not answer with a list
   */
  public List<MemberStatus> clusterStatus() throws ExhibitorException, InterruptedException {
    JsonElement e = parse(get("cluster/status"), "cluster/status");
    if (!e.isJsonArray()) {
      throw new ExhibitorException("cluster/status at " + base + " is not a list: " + e);
    }
    List<MemberStatus> out = new ArrayList<>();
    for (JsonElement item : e.getAsJsonArray()) {
      if (!item.isJsonObject()) {
        throw new ExhibitorException("cluster/status at " + base + " has an entry that is not"
            + " an object: " + item);
      }
      JsonObject m = item.getAsJsonObject();
      out.add(new MemberStatus(text(m, "hostname"), text(m, "description"), integer(m, "code"),
          bool(m, "isLeader")));
    }
    return List.copyOf(out);
  }

  /**
   * {@code GET cluster/list}.
   *
   * @throws ExhibitorException if Exhibitor does not answer with servers and a port
   */
  public ClusterList clusterList() throws ExhibitorException, InterruptedException {
    JsonObject o = object(get("cluster/list"), "cluster/list");
    JsonElement servers = o.get("servers");
    if (servers == null || !servers.isJsonArray()) {
      throw new ExhibitorException("cluster/list at " + base + " has no servers list");
    }
    List<String> hosts = new ArrayList<>();
    for (JsonElement h : servers.getAsJsonArray()) {
      hosts.add(h.getAsString());
    }
    return new ClusterList(hosts, integer(o, "port"));
  }

  private String get(String path) throws ExhibitorException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Accept", "application/json").GET().build(), "GET " + path);
  }

  private String post(String path, String json) throws ExhibitorException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        "POST " + path);
  }

  private String send(HttpRequest request, String what)
      throws ExhibitorException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ExhibitorException(what + " at " + base + " failed: " + e, OptionalInt.empty(),
          e);
    }
    if (response.statusCode() != 200) {
      String body = response.body() == null ? "" : response.body();
      throw new ExhibitorException(what + " at " + base + " answered HTTP "
          + response.statusCode() + (body.isBlank() ? "" : ": " + abbreviate(body)),
          OptionalInt.of(response.statusCode()), null);
    }
    return response.body();
  }

  private JsonElement parse(String body, String what) throws ExhibitorException {
    try {
      return JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw new ExhibitorException(what + " at " + base + " is not JSON: " + abbreviate(body),
          OptionalInt.of(200), e);
    }
  }

  private JsonObject object(String body, String what) throws ExhibitorException {
    JsonElement e = parse(body, what);
    if (!e.isJsonObject()) {
      throw new ExhibitorException(what + " at " + base + " is not a JSON object: "
          + abbreviate(body));
    }
    return e.getAsJsonObject();
  }

  /** A copy of {@code e} with every number, at any depth, turned into its decimal text. */
  static JsonElement numbersAsStrings(JsonElement e) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return new JsonPrimitive(e.getAsJsonPrimitive().getAsBigDecimal().toPlainString());
    }
    if (e.isJsonObject()) {
      JsonObject out = new JsonObject();
      for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
        out.add(field.getKey(), numbersAsStrings(field.getValue()));
      }
      return out;
    }
    if (e.isJsonArray()) {
      JsonArray out = new JsonArray();
      e.getAsJsonArray().forEach(item -> out.add(numbersAsStrings(item)));
      return out;
    }
    return e.deepCopy();
  }

  private static boolean bool(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonPrimitive()
        && (e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean()
            : "true".equalsIgnoreCase(e.getAsString()));
  }

  private String text(JsonObject o, String field) throws ExhibitorException {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive()) {
      throw new ExhibitorException("answer of " + base + " lacks " + field + ": " + o);
    }
    return e.getAsString();
  }

  private int integer(JsonObject o, String field) throws ExhibitorException {
    try {
      return Integer.parseInt(text(o, field).strip());
    } catch (NumberFormatException e) {
      throw new ExhibitorException("answer of " + base + " has a non-integer " + field + ": " + o);
    }
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 197) + "..." : one;
  }
}
