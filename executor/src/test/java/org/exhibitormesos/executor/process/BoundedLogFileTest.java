package org.exhibitormesos.executor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhibitormesos.executor.testing.TestFiles;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class BoundedLogFileTest {
  private Path dir;

  @BeforeMethod
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("bounded-log");
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    TestFiles.deleteTree(dir);
  }

  private static void write(BoundedLogFile file, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    file.write(bytes, 0, bytes.length);
  }

  @Test
  public void rotatesAtTheBoundAndKeepsOnePreviousFile() throws Exception {
    Path log = dir.resolve("zookeeper.out");
    try (BoundedLogFile file = new BoundedLogFile(log, 10)) {
      write(file, "0123456");
      write(file, "789ab");        // "789" fills it to 10, "ab" starts a new file
      write(file, "cdefghijklmn"); // "cdefghij" fills it, rotates again inside one write
    }
    assertThat(Files.readString(log)).isEqualTo("klmn");
    assertThat(Files.readString(dir.resolve("zookeeper.out.1"))).isEqualTo("abcdefghij");
    assertThat(Files.size(log) + Files.size(dir.resolve("zookeeper.out.1"))).isLessThanOrEqualTo(20);
  }

  @Test
  public void neverGrowsPastTwiceTheBound() throws Exception {
    Path log = dir.resolve("big.err");
    byte[] chunk = new byte[777];
    try (BoundedLogFile file = new BoundedLogFile(log, 4096)) {
      for (int i = 0; i < 1000; i++) {
        file.write(chunk, 0, chunk.length);
        assertThat(Files.size(log)).isLessThanOrEqualTo(4096);
      }
    }
    assertThat(Files.size(dir.resolve("big.err.1"))).isEqualTo(4096);
  }

  @Test
  public void appendsToAnExistingFileCountingItsSize() throws Exception {
    Path log = dir.resolve("a.out");
    Files.writeString(log, "12345678");
    try (BoundedLogFile file = new BoundedLogFile(log, 10)) {
      write(file, "abc");
    }
    assertThat(Files.readString(dir.resolve("a.out.1"))).isEqualTo("12345678ab");
    assertThat(Files.readString(log)).isEqualTo("c");
  }
}
