package org.exhibitormesos.core.state;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;

/**
 * Encodes the {@link ClusterState} as one JSON document carrying its schema version, and decodes it
 * strictly: every field is checked, errors name the field's path, newer schemas are refused and
 * older ones migrated first. Thread-safe.
 */
public final class StateCodec {
  static final String SCHEMA_FIELD = "schemaVersion";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Migrations migrations;

  public StateCodec(Migrations migrations) {
    this.migrations = migrations;
  }

  public StateCodec() {
    this(Migrations.PRODUCTION);
  }

  public byte[] encode(ClusterState state) {
    JsonObject o = new JsonObject();
    o.addProperty(SCHEMA_FIELD, migrations.currentSchema());
    state.frameworkId().ifPresent(id -> o.addProperty("frameworkId", id));
    state.mode().ifPresent(m -> o.addProperty("mode", m.text()));
    o.add("ensemble", encodeEnsemble(state.ensemble()));
    JsonArray servers = new JsonArray();
    state.servers().values().forEach(s -> servers.add(ServerCodec.encode(s)));
    o.add("servers", servers);
    JsonArray releases = new JsonArray();
    state.releases().forEach(r -> releases.add(ServerCodec.encodeReservation(r)));
    o.add("releases", releases);
    return (GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws StateFormatException naming what is wrong; never returns an empty state for bad input
   */
  public ClusterState decode(byte[] bytes) throws StateFormatException {
    JsonElement root;
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new StateFormatException("state document is not valid JSON: it is empty");
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        throw new StateFormatException("state document: unexpected content after the JSON object");
      }
    } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
      throw new StateFormatException("state document is not valid JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject()) {
      throw new StateFormatException("state document: expected a JSON object");
    }
    JsonFields f = JsonFields.root(migrations.migrate(root.getAsJsonObject()));
    EnsembleState ensemble = decodeEnsemble(f.object("ensemble"));
    TreeMap<ServerId, Server> servers = new TreeMap<>();
    for (JsonFields s : f.objects("servers")) {
      Server server = ServerCodec.decode(s);
      if (servers.put(server.id(), server) != null) {
        throw new StateFormatException("state field servers: server " + server.id() + " appears twice");
      }
    }
    List<Reservation> releases = new ArrayList<>();
    for (JsonFields r : f.objects("releases")) {
      releases.add(ServerCodec.decodeReservation(r));
    }
    Optional<ServerMode> mode;
    try {
      mode = f.optionalString("mode").map(ServerMode::parse);
    } catch (IllegalArgumentException e) {
      throw f.invalid("mode", e);
    }
    return new ClusterState(f.optionalString("frameworkId"), mode, ensemble, servers, releases);
  }

  private static JsonObject encodeEnsemble(EnsembleState e) {
    JsonObject o = new JsonObject();
    o.addProperty("bootstrapped", e.bootstrapped());
    JsonArray initial = new JsonArray();
    e.bootstrapMyids().forEach(initial::add);
    o.add("bootstrapMyids", initial);
    e.clusterId().ifPresent(id -> o.addProperty("clusterId", id));
    o.addProperty("superSecret", e.superSecret());
    o.addProperty("nextMyid", e.nextMyid());
    JsonArray retired = new JsonArray();
    e.retiredMyids().forEach(retired::add);
    o.add("retiredMyids", retired);
    o.addProperty("configVersion", e.configVersion());
    e.sharedPorts().ifPresent(p -> o.add("sharedPorts", ServerCodec.encodePorts(p)));
    e.committedConfig().ifPresent(c -> o.addProperty("committedConfig", c));
    return o;
  }

  private static EnsembleState decodeEnsemble(JsonFields f) throws StateFormatException {
    var ports = f.has("sharedPorts") ? Optional.of(ServerCodec.decodePorts(f.object("sharedPorts"))) : Optional.<org.exhibitormesos.core.server.Ports>empty();
    try {
      return new EnsembleState(f.bool("bootstrapped"), f.ints("bootstrapMyids"), f.optionalString("clusterId"),
          f.string("superSecret"), f.integer("nextMyid"), new TreeSet<>(f.ints("retiredMyids")),
          f.wholeNumber("configVersion"), ports, f.optionalString("committedConfig"));
    } catch (IllegalArgumentException e) {
      throw f.invalid("ensemble", e);
    }
  }
}
