package org.exhibitormesos.mesos.http.recordio;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** RecordIO encoding: {@code stringify(length) + "\n" + record}, as Mesos writes it. */
public final class RecordIO {
  private RecordIO() {}

  /**
   * Frames one record.
   *
   * @param record the payload (e.g. a serialized {@code Event}); Mesos never sends empty records but
   *     encoding one is allowed
   * @return a new array holding the decimal length, a newline and the payload
   */
  public static byte[] encode(byte[] record) {
    Objects.requireNonNull(record, "record");
    byte[] header = (record.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + record.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(record, 0, out, header.length, record.length);
    return out;
  }
}
