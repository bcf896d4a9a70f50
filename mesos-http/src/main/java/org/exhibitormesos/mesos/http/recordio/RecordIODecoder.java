package org.exhibitormesos.mesos.http.recordio;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Incremental RecordIO decoder fed arbitrary chunks: a record may span chunks and a chunk may hold
 * many records. Lengths count bytes, so decoding never goes through characters.
 *
 * <p>Not thread safe: feed it from one thread (e.g. a Netty channel's event loop). After a
 * {@link RecordIOException} the decoder is failed and every later {@code feed} throws the same
 * error, since the stream can no longer be framed.
 */
public final class RecordIODecoder {
  /** Longest accepted header: the digits of {@code Long.MAX_VALUE}. */
  private static final int MAX_HEADER_DIGITS = 19;

  private final int maxRecordBytes;
  private long expected = -1; // payload length being read, or -1 while reading the header
  private int headerDigits;
  private long headerValue;
  private byte[] payload;
  private int filled;
  private RecordIOException failure;

  /**
   * @param maxRecordBytes the largest payload accepted; larger records fail the stream
   */
  public RecordIODecoder(int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, got " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * Consumes all readable bytes of {@code chunk} (advancing its reader index) and returns the
   * records completed by them, in order. Does not release the buffer.
   *
   * @throws RecordIOException on an invalid length header or a record larger than the limit
   */
  public List<byte[]> feed(ByteBuf chunk) throws RecordIOException {
    Objects.requireNonNull(chunk, "chunk");
    byte[] bytes = new byte[chunk.readableBytes()];
    chunk.readBytes(bytes);
    return feed(bytes);
  }

  /** As {@link #feed(ByteBuf)} for a byte array. */
  public List<byte[]> feed(byte[] chunk) throws RecordIOException {
    Objects.requireNonNull(chunk, "chunk");
    if (failure != null) {
      throw failure;
    }
    List<byte[]> records = new ArrayList<>();
    int i = 0;
    while (i < chunk.length) {
      if (expected < 0) {
        i = readHeader(chunk, i);
        if (expected == 0) {
          records.add(new byte[0]);
          expected = -1;
        }
      } else {
        int n = Math.min(chunk.length - i, payload.length - filled);
        System.arraycopy(chunk, i, payload, filled, n);
        filled += n;
        i += n;
        if (filled == payload.length) {
          records.add(payload);
          payload = null;
          expected = -1;
        }
      }
    }
    return records;
  }

  /** True when no partial record is buffered (the stream ended on a record boundary). */
  public boolean isAtRecordBoundary() {
    return expected < 0 && headerDigits == 0;
  }

  private int readHeader(byte[] chunk, int start) throws RecordIOException {
    int i = start;
    while (i < chunk.length) {
      byte b = chunk[i++];
      if (b == '\n') {
        if (headerDigits == 0) {
          throw fail("invalid RecordIO length header: empty");
        }
        if (headerValue > maxRecordBytes) {
          throw fail("record of " + headerValue + " bytes exceeds the limit of " + maxRecordBytes
              + " bytes");
        }
        expected = headerValue;
        payload = new byte[(int) headerValue];
        filled = 0;
        headerDigits = 0;
        headerValue = 0;
        return i;
      }
      if (b < '0' || b > '9') {
        throw fail("invalid RecordIO length header: unexpected byte 0x"
            + String.format("%02x", b & 0xff) + " after " + headerDigits + " digit(s)");
      }
      if (++headerDigits > MAX_HEADER_DIGITS) {
        throw fail("invalid RecordIO length header: more than " + MAX_HEADER_DIGITS + " digits");
      }
      try {
        headerValue = Math.addExact(Math.multiplyExact(headerValue, 10L), b - '0');
      } catch (ArithmeticException overflow) {
        throw fail("invalid RecordIO length header: length does not fit in 63 bits");
      }
    }
    return i;
  }

  private RecordIOException fail(String message) {
    failure = new RecordIOException(message);
    return failure;
  }
}
