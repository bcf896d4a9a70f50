package org.exhibitormesos.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class SchedulerMainTest {
  private static String[] args(Path dir, String storage) {
    return new String[] {"--master", "127.0.0.1:1", "--api", "http://127.0.0.1:1", "--storage", storage,
        "--artifacts", dir.toString()};
  }

  private static int run(String[] args, ByteArrayOutputStream err) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return SchedulerMain.run(args);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  public void anUnreadableStateStopsItWithTheStoresMessageNeverAFreshStart() throws Exception {
    Path dir = Files.createTempDirectory("scheduler-main");
    Path state = dir.resolve("state.json");
    Files.writeString(state, "{ not json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(args(dir, "file:" + state), err)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("corrupt").contains("not treated as empty").contains(state.toString());
    assertThat(Files.readString(state)).isEqualTo("{ not json");
  }

  @Test
  public void badFlagsExitWithTwoAndNameTheFlag() throws Exception {
    Path dir = Files.createTempDirectory("scheduler-main");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(args(dir, "s3:bucket"), err)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--storage");
  }

  @Test
  public void missingArtifactsStopItWithAMessage() throws Exception {
    Path dir = Files.createTempDirectory("scheduler-main");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(args(dir, "file:" + dir.resolve("state.json")), err)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no executor jar");
  }

  @Test
  public void exhibitorModeWithoutTheExhibitorBundleStopsItWithAMessage() throws Exception {
    Path dir = Files.createTempDirectory("scheduler-main");
    Files.writeString(dir.resolve("exhibitor-mesos-executor-1-all.jar"), "");
    Files.writeString(dir.resolve("exhibitor-mesos-executor-1-zookeeper-dist.tar.gz"), "");
    String[] exhibitor = java.util.stream.Stream.concat(java.util.Arrays.stream(args(dir, "file:"
        + dir.resolve("state.json"))), java.util.stream.Stream.of("--mode", "exhibitor")).toArray(String[]::new);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(exhibitor, err)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Exhibitor bundle").contains(dir.toString());
  }
}
