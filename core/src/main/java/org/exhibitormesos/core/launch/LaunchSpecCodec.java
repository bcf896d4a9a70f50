package org.exhibitormesos.core.launch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.state.ServerMode;

/**
 * JSON form of {@link LaunchSpec}, UTF-8, with a {@code version} field ({@value #VERSION}).
 * Decoding is strict: every field is required except the optional ones ({@code dynamicConfig},
 * {@code volume}, {@code zookeeper.log4jProperties}, {@code zookeeper.dataDirectory},
 * {@code zookeeper.logDirectory}, {@code zookeeper.superDigest}, {@code exhibitor}), unknown
 * fields are errors.
 * Thread safe.
 */
public final class LaunchSpecCodec {
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;
  private static final String DOCUMENT = "launch spec";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private LaunchSpecCodec() {}

  /** The JSON text. */
  public static String encodeText(LaunchSpec spec) {
    JsonObject o = new JsonObject();
    o.addProperty("version", VERSION);
    o.addProperty("serverId", spec.serverId().value());
    o.addProperty("myid", spec.myid());
    o.addProperty("mode", spec.mode().text());
    o.addProperty("host", spec.host());
    o.add("ports", ports(spec.ports()));
    o.addProperty("config", spec.configSource().text());
    spec.dynamicConfig().ifPresent(d -> o.addProperty("dynamicConfig", d));
    spec.volume().ifPresent(v -> o.addProperty("volume", v));
    ZooKeeperSettings z = spec.zookeeper();
    JsonObject zk = new JsonObject();
    zk.addProperty("zooCfgExtra", z.zooCfgExtra());
    zk.addProperty("javaEnvironment", z.javaEnvironment());
    zk.addProperty("heapMb", z.heapMb());
    z.log4jProperties().ifPresent(p -> zk.addProperty("log4jProperties", p));
    zk.addProperty("checkPeriodMs", z.checkPeriodMs());
    zk.addProperty("probeFailuresAllowed", z.probeFailuresAllowed());
    zk.addProperty("readyTimeoutMs", z.readyTimeoutMs());
    zk.addProperty("cleanupPeriodMs", z.cleanupPeriodMs());
    zk.addProperty("cleanupMaxFiles", z.cleanupMaxFiles());
    z.dataDirectory().ifPresent(d -> zk.addProperty("dataDirectory", d));
    z.logDirectory().ifPresent(d -> zk.addProperty("logDirectory", d));
    z.superDigest().ifPresent(d -> zk.addProperty("superDigest", d));
    JsonArray words = new JsonArray();
    z.fourLetterWords().forEach(words::add);
    zk.add("fourLetterWords", words);
    o.add("zookeeper", zk);
    spec.exhibitor().ifPresent(e -> o.add("exhibitor", exhibitor(e)));
    return GSON.toJson(o);
  }

  /** The UTF-8 bytes of {@link #encodeText}, for {@code TaskInfo.data}. */
  public static byte[] encode(LaunchSpec spec) {
    return encodeText(spec).getBytes(StandardCharsets.UTF_8);
  }

  /** @throws InvalidInputException naming the field, for any malformed or inconsistent input */
  public static LaunchSpec decode(byte[] data) {
    return decode(new String(data, StandardCharsets.UTF_8));
  }

  /** @throws InvalidInputException naming the field, for any malformed or inconsistent input */
  public static LaunchSpec decode(String text) {
    StrictJson o = StrictJson.parse(DOCUMENT, text);
    int version = o.integer("version");
    if (version != VERSION) {
      throw o.error("version", "unsupported version " + version + "; this code reads "
          + VERSION);
    }
    ServerId serverId = o.valid("serverId", s -> ServerId.of(Integer.parseInt(s)),
        Integer.toString(o.integer("serverId")));
    int myid = o.integer("myid");
    ServerMode mode = o.valid("mode", ServerMode::parse, o.string("mode"));
    String host = o.string("host");
    Ports ports = ports(o.object("ports"), o, "ports");
    ConfigSource source = o.valid("config", ConfigSource::parse, o.string("config"));
    var dynamicConfig = o.optionalString("dynamicConfig");
    var volume = o.optionalString("volume");
    StrictJson zk = o.object("zookeeper");
    ZooKeeperSettings settings;
    try {
      settings = new ZooKeeperSettings(zk.string("zooCfgExtra"), zk.string("javaEnvironment"),
          zk.integer("heapMb"), zk.optionalString("log4jProperties"),
          zk.wholeNumber("checkPeriodMs"), zk.integer("probeFailuresAllowed"),
          zk.wholeNumber("readyTimeoutMs"), zk.wholeNumber("cleanupPeriodMs"),
          zk.integer("cleanupMaxFiles"), zk.optionalString("dataDirectory"),
          zk.optionalString("logDirectory"), zk.optionalString("superDigest"),
          zk.strings("fourLetterWords"));
    } catch (InvalidInputException e) {
      if (e.getMessage().startsWith(DOCUMENT)) {
        throw e;
      }
      throw o.error("zookeeper", e.getMessage());
    }
    zk.finish();
    Optional<ExhibitorSettings> exhibitor = o.has("exhibitor")
        ? Optional.of(exhibitor(o.object("exhibitor"), o)) : Optional.empty();
    o.finish();
    try {
      return new LaunchSpec(serverId, myid, mode, host, ports, source, dynamicConfig, volume,
          settings, exhibitor);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(DOCUMENT + ": " + e.getMessage());
    }
  }

  static JsonObject exhibitor(ExhibitorSettings e) {
    JsonObject o = new JsonObject();
    o.add("flags", map(e.flags()));
    o.addProperty("serversSpec", e.serversSpecText());
    o.addProperty("heapMb", e.heapMb());
    o.add("sharedConfig", map(e.sharedConfig()));
    return o;
  }

  static ExhibitorSettings exhibitor(StrictJson e, StrictJson parent) {
    try {
      ExhibitorSettings settings = new ExhibitorSettings(e.stringMap("flags"),
          ExhibitorServer.parseSpec(e.string("serversSpec")), e.integer("heapMb"),
          e.stringMap("sharedConfig"));
      e.finish();
      return settings;
    } catch (InvalidInputException ex) {
      if (ex.getMessage().startsWith(DOCUMENT)) {
        throw ex;
      }
      throw parent.error("exhibitor", ex.getMessage());
    }
  }

  private static JsonObject map(Map<String, String> values) {
    JsonObject o = new JsonObject();
    values.forEach(o::addProperty);
    return o;
  }

  static JsonObject ports(Ports p) {
    JsonObject o = new JsonObject();
    o.addProperty("client", p.client());
    o.addProperty("peer", p.peer());
    o.addProperty("election", p.election());
    o.addProperty("admin", p.admin());
    return o;
  }

  static Ports ports(StrictJson p, StrictJson parent, String field) {
    int client = p.integer("client");
    int peer = p.integer("peer");
    int election = p.integer("election");
    int admin = p.integer("admin");
    p.finish();
    try {
      return new Ports(client, peer, election, admin);
    } catch (IllegalArgumentException e) {
      throw parent.error(field, e.getMessage());
    }
  }
}
