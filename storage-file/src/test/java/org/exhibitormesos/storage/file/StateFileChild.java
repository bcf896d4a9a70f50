package org.exhibitormesos.storage.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.core.state.store.WriteResult;

/**
 * The child process of the multi-process tests. Modes:
 *
 * <ul>
 *   <li>{@code write-loop <file> <seed>}: opens the store, prints {@code WRITING <version>}, then
 *       writes documents (see {@link #document}) until killed;
 *   <li>{@code hold <file>}: opens the store, prints {@code HOLDING}, waits until killed;
 *   <li>{@code try-open <file>}: prints {@code OPENED}, or {@code FAILED <reason> <message>}, exits.
 * </ul>
 */
public final class StateFileChild {

  private static final Pattern DOCUMENT =
      Pattern.compile("\\{\"version\":(\\d+),\"fillerLength\":(\\d+),\"filler\":\"([a-z]*)\"}");

  private StateFileChild() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "write-loop" -> writeLoop(file, Long.parseLong(args[2]));
      case "hold" -> hold(file);
      case "try-open" -> tryOpen(file);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** A complete document for {@code version}: its own version and a filler of random length. */
  static byte[] document(long version, Random random) {
    int length = random.nextInt(64 * 1024);
    StringBuilder json = new StringBuilder(length + 64)
        .append("{\"version\":").append(version)
        .append(",\"fillerLength\":").append(length)
        .append(",\"filler\":\"");
    for (int i = 0; i < length; i++) {
      json.append((char) ('a' + random.nextInt(26)));
    }
    return json.append("\"}").toString().getBytes(UTF_8);
  }

  /**
   * @return null if {@code stored} is a complete document of its own version, else what is wrong
   */
  static String checkDocument(Versioned<byte[]> stored) {
    String text = new String(stored.value(), UTF_8);
    Matcher m = DOCUMENT.matcher(text);
    if (!m.matches()) {
      return "not a complete document: " + text.substring(0, Math.min(120, text.length()));
    }
    if (Long.parseLong(m.group(1)) != stored.version()) {
      return "document says version " + m.group(1) + " but is stored as " + stored.version();
    }
    if (Integer.parseInt(m.group(2)) != m.group(3).length()) {
      return "filler has " + m.group(3).length() + " characters, document says " + m.group(2);
    }
    return null;
  }

  private static void writeLoop(Path file, long seed) throws StateStoreException {
    Random random = new Random(seed);
    try (FileStateStore store = FileStateStore.open(file)) {
      long version = store.read().map(Versioned::version).orElse(StateStore.ABSENT);
      System.out.println("WRITING " + version);
      System.out.flush();
      while (true) {
        long next = version == StateStore.ABSENT ? 1 : version + 1;
        WriteResult result = store.compareAndSet(document(next, random), version);
        if (!result.equals(new WriteResult.Written(next))) {
          System.out.println("UNEXPECTED " + result);
          System.exit(2);
        }
        version = next;
      }
    }
  }

  private static void hold(Path file) throws Exception {
    try (FileStateStore store = FileStateStore.open(file)) {
      System.out.println("HOLDING " + store.describe());
      System.out.flush();
      // Blocks until the parent closes our stdin or kills us.
      while (System.in.read() >= 0) {
        // keep holding
      }
    }
  }

  private static void tryOpen(Path file) {
    try (FileStateStore store = FileStateStore.open(file)) {
      System.out.println("OPENED " + store.describe());
    } catch (StateStoreException e) {
      System.out.println("FAILED " + e.reason() + " " + e.getMessage());
    }
    System.out.flush();
  }
}
