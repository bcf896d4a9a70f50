package org.exhibitormesos.core.ensemble;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Operator-supplied {@code zoo.cfg} entries ({@code --zoo-cfg-extra}), appended in the given order.
 *
 * <p>Keys the framework owns are refused, because overriding them would break membership or
 * the server's identity: {@code dataDir}, {@code dynamicConfigFile}, {@code clientPort},
 * {@code clientPortAddress}, {@code reconfigEnabled}, {@code standaloneEnabled}, and every key
 * starting with {@code server.}, {@code group.} or {@code weight.}. Keys that a
 * {@link ZooCfgSpec} field renders are refused by {@link ZooCfgSpec} instead.
 *
 * @param entries the entries in operator order; keys are distinct
 */
public record ZooCfgExtra(List<Entry> entries) {

  /** No extra entries. */
  public static final ZooCfgExtra EMPTY = new ZooCfgExtra(List.of());

  static final String ACCEPTED_FORM =
      "accepted: 'key=value' entries separated by ',' or new lines, '\\,' for a comma in a value";

  private static final Set<String> OWNED_KEYS = Set.of(
      "dataDir", "dynamicConfigFile", "clientPort", "clientPortAddress", "reconfigEnabled",
      "standaloneEnabled");
  private static final List<String> OWNED_PREFIXES = List.of("server.", "group.", "weight.");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * One {@code key=value} entry.
   *
   * @param key letters, digits, {@code .}, {@code _} and {@code -}; not a framework-owned key
   * @param value non-blank; see {@link CfgValues} for what ZooKeeper cannot read back
   */
  public record Entry(String key, String value) {
    /** @throws InvalidInputException if the key is malformed or owned, or the value is invalid */
    public Entry {
      if (key == null || !KEY.matcher(key).matches()) {
        throw new InvalidInputException("zoo-cfg-extra key '" + key
            + "' is not made of letters, digits, '.', '_' and '-'; " + ACCEPTED_FORM);
      }
      if (isOwned(key)) {
        throw new InvalidInputException("zoo-cfg-extra key '" + key
            + "' is set by the framework and cannot be overridden");
      }
      CfgValues.require(key, value);
    }
  }

  /** @throws InvalidInputException if a key appears twice */
  public ZooCfgExtra {
    entries = List.copyOf(entries);
    Set<String> keys = new HashSet<>();
    for (Entry entry : entries) {
      if (!keys.add(entry.key())) {
        throw new InvalidInputException("zoo-cfg-extra key '" + entry.key() + "' appears twice");
      }
    }
  }

  /** Whether the framework owns {@code key}, so no operator entry may set it. */
  public static boolean isOwned(String key) {
    return OWNED_KEYS.contains(key) || OWNED_PREFIXES.stream().anyMatch(key::startsWith);
  }

  /**
   * Parses the operator's text: {@code key=value} entries separated by {@code ,} or line breaks.
   * A value splits from its key at the first {@code =} and may contain more; {@code \,} is a comma
   * inside a value and any other backslash is an error. White space around keys and values and
   * empty entries are ignored, so {@code ""} is {@link #EMPTY}.
   *
   * <p>Example: {@code maxClientCnxns=120, ssl.enabledProtocols=TLSv1.3\,TLSv1.2}.
   *
   * @throws InvalidInputException naming the entry, for a missing {@code =}, a bad key or value,
   *     an owned key, a repeated key or a stray backslash
   */
  public static ZooCfgExtra parse(String text) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : split(text)) {
      String item = raw.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq < 0) {
        throw new InvalidInputException(
            "zoo-cfg-extra entry '" + item + "' has no '='; " + ACCEPTED_FORM);
      }
      entries.add(new Entry(item.substring(0, eq).strip(), item.substring(eq + 1).strip()));
    }
    return new ZooCfgExtra(entries);
  }

  /** Whether an entry has this key. */
  public boolean contains(String key) {
    return entries.stream().anyMatch(e -> e.key().equals(key));
  }

  // Splits on unescaped ',' and on line breaks, turning '\,' into ','.
  private static List<String> split(String text) {
    List<String> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 < text.length() && text.charAt(i + 1) == ',') {
          current.append(',');
          i++;
        } else {
          throw new InvalidInputException("zoo-cfg-extra has a backslash at position " + i
              + " that does not escape a comma; " + ACCEPTED_FORM);
        }
      } else if (c == ',' || c == '\n' || c == '\r') {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString());
    return items;
  }
}
