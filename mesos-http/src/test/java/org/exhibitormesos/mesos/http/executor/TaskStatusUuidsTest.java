package org.exhibitormesos.mesos.http.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.UUID;
import org.testng.annotations.Test;

public class TaskStatusUuidsTest {
  @Test
  public void encodesSixteenBigEndianBytes() {
    UUID uuid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    ByteString bytes = TaskStatusUuids.toBytes(uuid);
    assertThat(bytes.toByteArray()).containsExactly(0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
        0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
    assertThat(TaskStatusUuids.fromBytes(bytes)).isEqualTo(uuid);
  }

  @Test
  public void roundTripsRandomUuids() {
    for (int i = 0; i < 100; i++) {
      UUID uuid = UUID.randomUUID();
      assertThat(TaskStatusUuids.fromBytes(TaskStatusUuids.toBytes(uuid))).isEqualTo(uuid);
    }
  }

  @Test
  public void rejectsTheTextForm() {
    ByteString text = ByteString.copyFromUtf8(UUID.randomUUID().toString());
    assertThatThrownBy(() -> TaskStatusUuids.fromBytes(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a status uuid is 16 bytes, got 36");
  }
}
