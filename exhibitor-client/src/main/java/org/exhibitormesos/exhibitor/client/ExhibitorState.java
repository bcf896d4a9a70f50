package org.exhibitormesos.exhibitor.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * Exhibitor's answer to {@code config/get-state}.
 *
 * @param running whether Exhibitor sees its ZooKeeper running ({@code "running"})
 * @param rollInProgress whether a rolling config change is under way
 * @param config the shared config as Exhibitor gave it, to edit and post back
 */
public record ExhibitorState(boolean running, boolean rollInProgress, Config config) {
  public ExhibitorState {
    Objects.requireNonNull(config, "config");
  }

  /**
   * Exhibitor's {@code config} object. Posting it back needs every field Exhibitor sent (a missing
   * one becomes empty or 0 in Exhibitor, a missing {@code zooCfgExtra} fails), so the whole
   * object is kept and only edited. Immutable.
   */
  public static final class Config {
    private final JsonObject json;

    /** Wraps a copy of {@code json}. */
    public Config(JsonObject json) {
      this.json = json.deepCopy();
    }

    /** A copy of the JSON object. */
    public JsonObject json() {
      return json.deepCopy();
    }

    public ServersSpec serversSpec() {
      return ServersSpec.parse(text("serversSpec").orElse(""));
    }

    /** This config with another servers spec. */
    public Config withServersSpec(ServersSpec spec) {
      JsonObject copy = json.deepCopy();
      copy.addProperty("serversSpec", spec.text());
      return new Config(copy);
    }

    /** The host name the answering Exhibitor announces ({@code hostname}). */
    public Optional<String> hostname() {
      return text("hostname");
    }

    /** The server id the answering Exhibitor has, if it is in the spec ({@code serverId}). */
    public Optional<Integer> serverId() {
      JsonElement e = json.get("serverId");
      if (e == null || !e.isJsonPrimitive()) {
        return Optional.empty();
      }
      try {
        int id = Integer.parseInt(e.getAsString().strip());
        return id > 0 ? Optional.of(id) : Optional.empty();
      } catch (NumberFormatException ex) {
        return Optional.empty();
      }
    }

    /** A field as text, if present and not null. */
    public Optional<String> text(String field) {
      JsonElement e = json.get(field);
      return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? Optional.empty()
          : Optional.of(e.getAsString());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Config c && c.json.equals(json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }
}
