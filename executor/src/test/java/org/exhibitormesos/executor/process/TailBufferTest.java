package org.exhibitormesos.executor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.testng.annotations.Test;

public class TailBufferTest {
  private static void write(TailBuffer tail, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    tail.append(bytes, 0, bytes.length);
  }

  @Test
  public void keepsTheLastLines() {
    TailBuffer tail = new TailBuffer(3, 100);
    for (int i = 1; i <= 10; i++) {
      write(tail, "line " + i + "\n");
    }
    assertThat(tail.text()).isEqualTo("line 8\nline 9\nline 10\n");
  }

  @Test
  public void linesSplitAcrossWritesAndCrLf() {
    TailBuffer tail = new TailBuffer(5, 100);
    write(tail, "Exception in thread \"main\" java.lang.");
    write(tail, "RuntimeException: My id 4 not in the peer list\r\n\tat X");
    assertThat(tail.text()).isEqualTo(
        "Exception in thread \"main\" java.lang.RuntimeException: My id 4 not in the peer list\n"
            + "\tat X\n");
  }

  @Test
  public void cutsLongLinesAndCountsTheOpenLine() {
    TailBuffer tail = new TailBuffer(2, 5);
    write(tail, "abcdefghij\nsecond\nthird");
    assertThat(tail.text()).isEqualTo("secon\nthird\n");
    assertThat(new TailBuffer(1, 1).text()).isEmpty();
  }
}
