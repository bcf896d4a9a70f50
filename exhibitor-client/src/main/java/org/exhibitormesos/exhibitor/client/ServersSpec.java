package org.exhibitormesos.exhibitor.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exhibitor's {@code serversSpec}: a comma list of {@code S:<id>:<host>} (voting member) and
 * {@code O:<id>:<host>} (observer) entries. Entries are matched by server id, never by host (the
 * original framework matched by host and removed every server of a host). Rendered sorted by id.
 */
public record ServersSpec(List<Entry> entries) {
  private static final Pattern ENTRY = Pattern.compile("([SO]):(\\d+):([^,:\\s]+)");

  /**
   * One server.
   *
   * @param id the ZooKeeper server id
   * @param host the host name Exhibitor knows the server by
   * @param observer whether it is an observer ({@code O:})
   */
  public record Entry(int id, String host, boolean observer) {
    public Entry {
      if (id < 1 || id > 255) {
        throw new IllegalArgumentException("server id " + id + " is not in 1..255");
      }
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || !ENTRY.matcher("S:1:" + host).matches()) {
        throw new IllegalArgumentException("host '" + host + "' cannot appear in a servers spec");
      }
    }

    /** A voting member, {@code S:<id>:<host>}. */
    public static Entry voter(int id, String host) {
      return new Entry(id, host, false);
    }

    /** An observer, {@code O:<id>:<host>}. */
    public static Entry observer(int id, String host) {
      return new Entry(id, host, true);
    }

    public String text() {
      return (observer ? "O:" : "S:") + id + ":" + host;
    }
  }

  /** @throws IllegalArgumentException if an id repeats */
  public ServersSpec {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(Entry::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id() == sorted.get(i - 1).id()) {
        throw new IllegalArgumentException("server id " + sorted.get(i).id() + " appears twice");
      }
    }
    entries = List.copyOf(sorted);
  }

  public static final ServersSpec EMPTY = new ServersSpec(List.of());

  /**
   * Parses Exhibitor's text; blank entries are skipped.
   *
   * @throws IllegalArgumentException naming the entry that is malformed
   */
  public static ServersSpec parse(String text) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : (text == null ? "" : text).split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("servers spec entry '" + entry
            + "' is not S:<id>:<host> or O:<id>:<host>");
      }
      entries.add(new Entry(Integer.parseInt(m.group(2)), m.group(3), m.group(1).equals("O")));
    }
    return new ServersSpec(entries);
  }

  /** This with {@code entry}, replacing the entry with the same id if there is one. */
  public ServersSpec with(Entry entry) {
    List<Entry> out = new ArrayList<>(without(entry.id()).entries);
    out.add(entry);
    return new ServersSpec(out);
  }

  /** This without the entry of server {@code id} (unchanged if there is none). */
  public ServersSpec without(int id) {
    return new ServersSpec(entries.stream().filter(e -> e.id() != id).toList());
  }

  public Optional<Entry> entry(int id) {
    return entries.stream().filter(e -> e.id() == id).findFirst();
  }

  /** The text Exhibitor stores, sorted by id. */
  public String text() {
    return String.join(",", entries.stream().map(Entry::text).toList());
  }

  @Override
  public String toString() {
    return text();
  }
}
