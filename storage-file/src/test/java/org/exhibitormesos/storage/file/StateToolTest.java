package org.exhibitormesos.storage.file;

import org.exhibitormesos.core.testing.TempDirs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibitormesos.core.state.StateCodec;
import org.exhibitormesos.core.state.StateFixtures;
import org.exhibitormesos.core.state.StateRepository;
import org.exhibitormesos.core.state.store.StateStore;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class StateToolTest {
  private Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeMethod
  public void setUp() throws Exception {
    dir = TempDirs.create("state-tool");
    out.reset();
    err.reset();
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws Exception {
    TempDirs.delete(dir);
  }

  private int run(String... args) {
    return new StateTool(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of(args));
  }

  @Test
  public void checkAndShowWorkWhileTheSchedulerHoldsTheLock() throws Exception {
    Path file = dir.resolve("em.json");
    try (FileStateStore store = FileStateStore.open(file)) {
      new StateRepository(store, new StateCodec()).save(StateFixtures.everyField(), StateStore.ABSENT);
      assertThat(run("check", "--storage", "file:" + file)).isEqualTo(0);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("is readable: version 1, framework id 20260301-101530-1-0001,"
          + " mode native, 3 server(s) 0..1,254, 1 volume(s) to release");
      out.reset();
      assertThat(run("show", "--storage=file:" + file)).isEqualTo(0);
      String shown = out.toString(StandardCharsets.UTF_8);
      assertThat(shown).contains("\"superSecret\": \"(hidden)\"").doesNotContain("0123456789abcdef0123");
      assertThat(shown).contains("\"frameworkId\": \"20260301-101530-1-0001\"");
    }
  }

  @Test
  public void missingAndCorruptStateFailWithTheReason() throws Exception {
    Path file = dir.resolve("none.json");
    assertThat(run("check", "--storage", "file:" + file)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Error: no state at file:" + file);
    err.reset();
    Files.writeString(dir.resolve("bad.json"), "garbage");
    assertThat(run("check", "--storage", "file:" + dir.resolve("bad.json"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is corrupt");
    err.reset();
    try (FileStateStore store = FileStateStore.open(dir.resolve("json.json"))) {
      store.compareAndSet("{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8), StateStore.ABSENT);
    }
    assertThat(run("check", "--storage", "file:" + dir.resolve("json.json"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("state field ensemble: expected an object, found nothing");
  }

  @Test
  public void usageErrorsExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("check", "--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'");
    assertThat(run("destroy")).isEqualTo(2);
    assertThat(run("check", "--storage", "zk:host/path")).isEqualTo(2);
    assertThat(run("--help")).isEqualTo(0);
  }
}
