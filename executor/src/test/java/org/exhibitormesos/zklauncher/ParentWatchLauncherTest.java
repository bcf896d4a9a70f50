package org.exhibitormesos.zklauncher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/** Runs the launcher in a child JVM, as the executor does, with a main that would never end. */
public class ParentWatchLauncherTest {
  /** A stand-in for ZooKeeper's main: prints its arguments and runs forever. */
  public static final class Forever {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("started " + String.join(",", args));
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static Process launch(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        ParentWatchLauncher.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  public void haltsWhenItsStdinClosesAndRunsMainUntilThen() throws Exception {
    Process child = launch(Forever.class.getName(), "conf/zoo.cfg");
    byte[] line = new byte["started conf/zoo.cfg\n".length()];
    int read = 0;
    while (read < line.length) {
      read += child.getInputStream().read(line, read, line.length - read);
    }
    assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("started conf/zoo.cfg\n");
    assertThat(child.isAlive()).isTrue();
    // What the kernel does when the executor dies: the pipe's write end closes.
    child.getOutputStream().close();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(ParentWatchLauncher.ORPHANED);
    assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("executor gone (stdin closed); halting");
  }

  @Test
  public void withAFifoHaltsWhenTheExecutorsEndCloses() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("fifo-watch");
    try (org.exhibitormesos.executor.process.ParentWatchFifo fifo =
        org.exhibitormesos.executor.process.ParentWatchFifo.create(dir.resolve("watch.fifo"))) {
      Process child = launchWith(List.of("-D" + ParentWatchLauncher.FIFO_PROPERTY + "="
          + fifo.path()), Forever.class.getName(), "x");
      byte[] line = new byte["started x\n".length()];
      int read = 0;
      while (read < line.length) {
        read += child.getInputStream().read(line, read, line.length - read);
      }
      // Its stdin closing means nothing in this mode: only the FIFO counts.
      child.getOutputStream().close();
      assertThat(child.waitFor(1, TimeUnit.SECONDS)).isFalse();
      fifo.close();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(ParentWatchLauncher.ORPHANED);
      assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .contains("closed); halting");
    } finally {
      java.nio.file.Files.deleteIfExists(dir.resolve("watch.fifo"));
      java.nio.file.Files.deleteIfExists(dir);
    }
  }

  @Test
  public void withAFifoThatDoesNotExistItHaltsAtOnce() throws Exception {
    Process child = launchWith(List.of("-D" + ParentWatchLauncher.FIFO_PROPERTY
        + "=/nonexistent/watch.fifo"), Forever.class.getName());
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(ParentWatchLauncher.ORPHANED);
  }

  private static Process launchWith(List<String> jvm, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
        "-XX:TieredStopAtLevel=1"));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ParentWatchLauncher.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  public void usageErrorWithoutAMainClass() throws Exception {
    Process child = launch();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(ParentWatchLauncher.USAGE);
  }
}
