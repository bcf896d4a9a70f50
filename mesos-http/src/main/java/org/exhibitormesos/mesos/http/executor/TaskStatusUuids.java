package org.exhibitormesos.mesos.http.executor;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code TaskStatus.uuid} encoding: the agent requires exactly 16 raw bytes (most significant long
 * then least significant long, big-endian), not the 36-character text form.
 */
public final class TaskStatusUuids {
  private TaskStatusUuids() {}

  /** The 16 big-endian bytes of {@code uuid}. */
  public static ByteString toBytes(UUID uuid) {
    Objects.requireNonNull(uuid, "uuid");
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return ByteString.copyFrom(b.array());
  }

  /**
   * The UUID in 16 raw bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 16 bytes long
   */
  public static UUID fromBytes(ByteString bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != 16) {
      throw new IllegalArgumentException("a status uuid is 16 bytes, got " + bytes.size());
    }
    ByteBuffer b = bytes.asReadOnlyByteBuffer();
    return new UUID(b.getLong(), b.getLong());
  }
}
