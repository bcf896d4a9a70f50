package org.exhibitormesos.mesos.http.recordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.testng.annotations.Test;

public class RecordIOTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  public void encodesDecimalByteLengthNewlineAndPayload() {
    assertThat(RecordIO.encode(new byte[] {0x08, 0x08}))
        .containsExactly(0x32, 0x0a, 0x08, 0x08);
    assertThat(new String(RecordIO.encode(bytes("{\"type\":\"HEARTBEAT\"}")), StandardCharsets.UTF_8))
        .isEqualTo("20\n{\"type\":\"HEARTBEAT\"}");
    // The length counts bytes, not characters.
    assertThat(new String(RecordIO.encode(bytes("é")), StandardCharsets.UTF_8)).isEqualTo("2\né");
  }

  @Test
  public void decodesManyRecordsFromOneChunk() throws Exception {
    byte[] chunk = concat(RecordIO.encode(bytes("a")), RecordIO.encode(bytes("bcd")),
        RecordIO.encode(new byte[300]));
    List<byte[]> records = new RecordIODecoder(1024).feed(chunk);
    assertThat(records).hasSize(3);
    assertThat(records.get(0)).isEqualTo(bytes("a"));
    assertThat(records.get(1)).isEqualTo(bytes("bcd"));
    assertThat(records.get(2)).hasSize(300);
  }

  @Test
  public void decodesRecordsSplitAcrossChunksIncludingTheHeader() throws Exception {
    RecordIODecoder decoder = new RecordIODecoder(1024);
    assertThat(decoder.feed(bytes("1"))).isEmpty();
    assertThat(decoder.feed(bytes("2\nhello"))).isEmpty();
    assertThat(decoder.isAtRecordBoundary()).isFalse();
    List<byte[]> records = decoder.feed(bytes(" world!3\nxy"));
    assertThat(records).hasSize(1);
    assertThat(records.get(0)).isEqualTo(bytes("hello world!"));
    assertThat(decoder.feed(bytes("z"))).containsExactly(bytes("xyz"));
    assertThat(decoder.isAtRecordBoundary()).isTrue();
  }

  @Test
  public void decodesAByteAtATime() throws Exception {
    Random random = new Random(7);
    List<byte[]> sent = new ArrayList<>();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < 50; i++) {
      byte[] payload = new byte[1 + random.nextInt(200)];
      random.nextBytes(payload);
      sent.add(payload);
      stream.writeBytes(RecordIO.encode(payload));
    }
    RecordIODecoder decoder = new RecordIODecoder(1024);
    List<byte[]> received = new ArrayList<>();
    for (byte b : stream.toByteArray()) {
      received.addAll(decoder.feed(new byte[] {b}));
    }
    assertThat(received).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(received.get(i)).isEqualTo(sent.get(i));
    }
  }

  @Test
  public void feedsFromAByteBufAndConsumesIt() throws Exception {
    ByteBuf buf = Unpooled.wrappedBuffer(concat(RecordIO.encode(bytes("x")), bytes("5\nab")));
    try {
      RecordIODecoder decoder = new RecordIODecoder(16);
      assertThat(decoder.feed(buf)).containsExactly(bytes("x"));
      assertThat(buf.readableBytes()).isZero();
      assertThat(decoder.feed(Unpooled.wrappedBuffer(bytes("cde")))).containsExactly(bytes("abcde"));
    } finally {
      buf.release();
    }
  }

  @Test
  public void rejectsARecordOverTheLimitNamingBothSizes() {
    RecordIODecoder decoder = new RecordIODecoder(100);
    assertThatThrownBy(() -> decoder.feed(bytes("101\n")))
        .isInstanceOf(RecordIOException.class)
        .hasMessage("record of 101 bytes exceeds the limit of 100 bytes");
  }

  @Test
  public void acceptsARecordExactlyAtTheLimit() throws Exception {
    assertThat(new RecordIODecoder(3).feed(RecordIO.encode(bytes("abc")))).hasSize(1);
  }

  @Test
  public void rejectsInvalidHeaders() {
    assertThatThrownBy(() -> new RecordIODecoder(100).feed(bytes("1x\n")))
        .isInstanceOf(RecordIOException.class)
        .hasMessageContaining("invalid RecordIO length header")
        .hasMessageContaining("0x78");
    assertThatThrownBy(() -> new RecordIODecoder(100).feed(bytes("\nabc")))
        .hasMessage("invalid RecordIO length header: empty");
    assertThatThrownBy(() -> new RecordIODecoder(100).feed(bytes("-1\n")))
        .hasMessageContaining("invalid RecordIO length header");
    assertThatThrownBy(() -> new RecordIODecoder(100).feed(bytes("00000000000000000001")))
        .hasMessageContaining("more than 19 digits");
    assertThatThrownBy(() -> new RecordIODecoder(100).feed(bytes("9999999999999999999")))
        .hasMessageContaining("does not fit in 63 bits");
  }

  @Test
  public void staysFailedAfterAnError() {
    RecordIODecoder decoder = new RecordIODecoder(10);
    assertThatThrownBy(() -> decoder.feed(bytes("x"))).isInstanceOf(RecordIOException.class);
    assertThatThrownBy(() -> decoder.feed(RecordIO.encode(bytes("ok"))))
        .isInstanceOf(RecordIOException.class);
  }

  @Test
  public void passesEmptyRecordsThrough() throws Exception {
    assertThat(new RecordIODecoder(10).feed(bytes("0\n1\na"))).hasSize(2)
        .satisfies(r -> assertThat(r.get(0)).isEmpty());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Arrays.stream(parts).forEach(out::writeBytes);
    return out.toByteArray();
  }
}
