package org.exhibitormesos.storage.file;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.exhibitormesos.core.state.store.Versioned;

/**
 * The on-disk layout of a state file: one ASCII header line, then the payload bytes, nothing else.
 *
 * <pre>
 * exhibitor-mesos-state 1 version=&lt;n&gt; length=&lt;bytes&gt; crc32=&lt;8 lowercase hex digits&gt;\n
 * &lt;payload: exactly length bytes&gt;
 * </pre>
 *
 * <p>{@code 1} is the format version of this layout (not the document's schema version). The header
 * is text so that a JSON payload stays readable with {@code tail -n +2}. Decoding is strict: any
 * deviation is {@link CorruptStateFileException}, never "no data". Stateless and thread-safe.
 */
final class StateFileFormat {

  static final String MAGIC = "exhibitor-mesos-state";
  static final int FORMAT = 1;
  static final String HEADER_FORM =
      MAGIC + " " + FORMAT + " version=<n> length=<bytes> crc32=<8 hex digits>";

  /** Longer than any valid header (about 90 bytes), so garbage without a newline fails quickly. */
  private static final int MAX_HEADER = 160;
  private static final Pattern HEADER = Pattern.compile(
      Pattern.quote(MAGIC) + " (\\d{1,9}) version=(\\d{1,18}) length=(\\d{1,10}) crc32=([0-9a-f]{8})");

  private StateFileFormat() {}

  /**
   * @param version the document's version, {@code >= 0}
   * @param payload the document
   * @return the complete file content
   */
  static byte[] encode(long version, byte[] payload) {
    byte[] header = String.format("%s %d version=%d length=%d crc32=%08x\n",
        MAGIC, FORMAT, version, payload.length, crc32(payload, 0, payload.length)).getBytes(US_ASCII);
    byte[] file = Arrays.copyOf(header, header.length + payload.length);
    System.arraycopy(payload, 0, file, header.length, payload.length);
    return file;
  }

  /**
   * @param file the complete content of a state file
   * @return the payload and the version from the header
   * @throws CorruptStateFileException saying what is wrong, if the content is not a complete,
   *     intact state file
   */
  static Versioned<byte[]> decode(byte[] file) throws CorruptStateFileException {
    if (file.length == 0) {
      throw new CorruptStateFileException("the file is empty (no header line)");
    }
    byte[] magic = (MAGIC + " ").getBytes(US_ASCII);
    if (file.length < magic.length
        || !Arrays.equals(file, 0, magic.length, magic, 0, magic.length)) {
      int end = indexOfNewline(file, Math.min(file.length, 80));
      throw new CorruptStateFileException("not an exhibitor-mesos state file: it starts with '"
          + printable(new String(file, 0, end < 0 ? Math.min(file.length, 80) : end, US_ASCII))
          + "', not '" + MAGIC + "'");
    }
    int newline = indexOfNewline(file, Math.min(file.length, MAX_HEADER));
    if (newline < 0) {
      throw new CorruptStateFileException("no header line terminated by a newline in the first "
          + MAX_HEADER + " bytes (expected '" + HEADER_FORM + "')");
    }
    String header = new String(file, 0, newline, US_ASCII);
    Matcher m = HEADER.matcher(header);
    if (!m.matches()) {
      throw new CorruptStateFileException(
          "malformed header '" + printable(header) + "' (expected '" + HEADER_FORM + "')");
    }
    int format = Integer.parseInt(m.group(1));
    if (format != FORMAT) {
      throw new CorruptStateFileException("unsupported file format " + format
          + " (this build reads format " + FORMAT + "; was it written by a newer version?)");
    }
    long version = Long.parseLong(m.group(2));
    long length = Long.parseLong(m.group(3));
    long expectedCrc = Long.parseLong(m.group(4), 16);
    int start = newline + 1;
    long present = file.length - (long) start;
    if (present < length) {
      throw new CorruptStateFileException("truncated: header says length=" + length
          + " but only " + present + " payload bytes follow");
    }
    if (present > length) {
      throw new CorruptStateFileException((present - length)
          + " unexpected bytes after the payload (header says length=" + length + ")");
    }
    long actualCrc = crc32(file, start, (int) length);
    if (actualCrc != expectedCrc) {
      throw new CorruptStateFileException(String.format(
          "checksum mismatch: header says crc32=%08x, payload has crc32=%08x",
          expectedCrc, actualCrc));
    }
    return new Versioned<>(Arrays.copyOfRange(file, start, file.length), version);
  }

  private static int indexOfNewline(byte[] bytes, int limit) {
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static long crc32(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** A state file's content does not match the format; the message says how. */
  static final class CorruptStateFileException extends Exception {
    CorruptStateFileException(String message) {
      super(message);
    }
  }
}
