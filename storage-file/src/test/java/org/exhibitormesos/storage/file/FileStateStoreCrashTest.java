package org.exhibitormesos.storage.file;

import org.exhibitormesos.core.testing.TempDirs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.Versioned;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Kills a writing process with SIGKILL at random moments, many times, and checks after every kill
 * that the lock is free and the file holds a complete document of the version in its header, never
 * older than before. This shows atomicity against process crashes; durability against power loss
 * rests on the fsync order shown by {@link FileStateStoreWriteOrderTest}.
 *
 * <p>System properties: {@code storage.crash.seed} (default: random, printed) and
 * {@code storage.crash.kills} (default 200).
 */
public class FileStateStoreCrashTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * A write of up to 64 KB with its two fsyncs takes about 17 ms on ext4 on the 2-core CI machine
   * (measured: ~108 writes in 2 s), so a kill within 30 ms of the first write lands in the first
   * write or two, at any step of it; about a third of the kills leave the temp file behind.
   */
  private static final int MAX_KILL_DELAY_MS = 30;

  private Path dir;

  @BeforeMethod
  public void createDir() {
    dir = TempDirs.create("file-state-store-crash");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteDir() {
    TempDirs.delete(dir);
  }

  @Test
  public void sigkillDuringWritesNeverLeavesAPartialOrOlderDocument() throws Exception {
    long seed = Long.getLong("storage.crash.seed", new Random().nextLong());
    int kills = Integer.getInteger("storage.crash.kills", 200);
    System.out.printf("FileStateStoreCrashTest: seed %d (-Dstorage.crash.seed=%d), %d kills%n",
        seed, seed, kills);
    Random random = new Random(seed);
    Path file = dir.resolve("state.json");
    Path temp = dir.resolve("state.json.tmp");
    long lastVersion = StateStore.ABSENT;
    int tempLeftBehind = 0;
    long started = System.nanoTime();

    for (int kill = 1; kill <= kills; kill++) {
      String context = "kill " + kill + " of " + kills + ", seed " + seed;
      try (ChildJvm child = ChildJvm.start(
          StateFileChild.class, "write-loop", file.toString(), Long.toString(random.nextLong()))) {
        child.awaitLine("WRITING", TIMEOUT);
        // Not synchronisation: the random delay is the fault injection.
        Thread.sleep(random.nextInt(MAX_KILL_DELAY_MS + 1));
        child.kill();
      }
      if (Files.exists(temp)) {
        tempLeftBehind++;
      }
      try (FileStateStore store = FileStateStore.open(file)) {
        Optional<Versioned<byte[]>> stored = store.read();
        if (stored.isEmpty()) {
          assertThat(lastVersion).as("%s: store became empty", context)
              .isEqualTo(StateStore.ABSENT);
          continue;
        }
        assertThat(StateFileChild.checkDocument(stored.get())).as(context).isNull();
        assertThat(stored.get().version()).as("%s: version went backwards", context)
            .isGreaterThanOrEqualTo(lastVersion);
        lastVersion = stored.get().version();
      }
    }

    System.out.printf("FileStateStoreCrashTest: %d kills in %d ms, reached version %d, temp file"
            + " left behind by %d kills (killed mid-write)%n", kills,
        Duration.ofNanos(System.nanoTime() - started).toMillis(), lastVersion, tempLeftBehind);
    assertThat(lastVersion).as("the children wrote something").isPositive();
    if (kills >= 100) {
      assertThat(tempLeftBehind).as("some kills landed in the middle of a write").isPositive();
    }
  }
}
