package org.exhibitormesos.mesos.http.master;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * Reads the leader's address from the {@code MasterInfo} JSON a master writes into its
 * {@code json.info_} znode. Lenient: unknown fields are ignored (masters newer than our protos add
 * capabilities), and older layouts are accepted.
 */
public final class MasterInfoJson {
  private MasterInfoJson() {}

  /**
   * The address to reach the master at, preferring {@code address.ip}, then
   * {@code address.hostname}, then the top-level {@code hostname}, then the deprecated packed
   * {@code ip}; the port comes from {@code address.port}, else the top-level {@code port}.
   *
   * @throws IllegalArgumentException if the text is not a JSON object or has no usable address
   */
  public static HostAndPort address(String json) {
    JsonObject info;
    try {
      JsonElement parsed = JsonParser.parseString(json);
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException("MasterInfo is not a JSON object: " + abbreviate(json));
      }
      info = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("MasterInfo is not valid JSON: " + abbreviate(json), e);
    }
    Optional<JsonObject> address = object(info, "address");
    Optional<String> host = address.flatMap(a -> string(a, "ip"))
        .or(() -> address.flatMap(a -> string(a, "hostname")))
        .or(() -> string(info, "hostname"))
        .or(() -> number(info, "ip").map(MasterInfoJson::unpackIpv4));
    Optional<Long> port = address.flatMap(a -> number(a, "port")).or(() -> number(info, "port"));
    if (host.isEmpty() || port.isEmpty()) {
      throw new IllegalArgumentException("MasterInfo has no usable address: " + abbreviate(json));
    }
    if (port.get() < 1 || port.get() > 65535) {
      throw new IllegalArgumentException("MasterInfo port " + port.get() + " is outside 1..65535");
    }
    return new HostAndPort(host.get(), port.get().intValue());
  }

  /** {@code MasterInfo.ip} is an IPv4 address as a uint32 in network byte order. */
  static String unpackIpv4(long ip) {
    return (ip & 0xff) + "." + ((ip >> 8) & 0xff) + "." + ((ip >> 16) & 0xff) + "."
        + ((ip >> 24) & 0xff);
  }

  private static Optional<JsonObject> object(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
  }

  private static Optional<String> string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      return Optional.empty();
    }
    String s = e.getAsString().trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static Optional<Long> number(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      return Optional.empty();
    }
    try {
      // Mesos may print 64-bit integers as strings.
      return Optional.of(e.getAsJsonPrimitive().getAsLong());
    } catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
