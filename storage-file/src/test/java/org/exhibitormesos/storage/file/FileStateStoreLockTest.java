package org.exhibitormesos.storage.file;

import org.exhibitormesos.core.testing.TempDirs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The lock against a second scheduler, across real processes. */
public class FileStateStoreLockTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Path dir;
  private Path file;

  @BeforeMethod
  public void createDir() {
    dir = TempDirs.create("file-state-store-lock");
    file = dir.resolve("state.json");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteDir() {
    TempDirs.delete(dir);
  }

  @Test
  public void openInAnotherJvmFailsNamingTheFile() throws Exception {
    try (FileStateStore store = FileStateStore.open(file);
        ChildJvm child = ChildJvm.start(StateFileChild.class, "try-open", file.toString())) {
      assertThat(child.awaitLine("", TIMEOUT)).isEqualTo("FAILED LOCKED state file " + file
          + " is locked by another scheduler (lock file " + file + ".lock)");
      assertThat(child.awaitExit(TIMEOUT)).contains(0);
    }
  }

  @Test
  public void failedSecondOpenInThisJvmDoesNotUnlockTheFirst() throws Exception {
    // Closing any descriptor of a POSIX-locked file drops the process's lock: a careless second
    // open would leave the first store unprotected against other processes.
    try (FileStateStore store = FileStateStore.open(file)) {
      for (int i = 0; i < 3; i++) {
        catchThrowableOfType(() -> FileStateStore.open(file), StateStoreException.class);
      }
      try (ChildJvm child = ChildJvm.start(StateFileChild.class, "try-open", file.toString())) {
        assertThat(child.awaitLine("", TIMEOUT)).startsWith("FAILED LOCKED");
      }
    }
  }

  @Test
  public void lockOfASigkilledProcessIsReleased() throws Exception {
    try (ChildJvm child = ChildJvm.start(StateFileChild.class, "hold", file.toString())) {
      child.awaitLine("HOLDING", TIMEOUT);

      StateStoreException e =
          catchThrowableOfType(() -> FileStateStore.open(file), StateStoreException.class);
      assertThat(e.reason()).isEqualTo(Reason.LOCKED);
      assertThat(e.getMessage()).contains("state file " + file + " is locked");

      child.kill();
    }
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.compareAndSet(new byte[] {1}, StateStore.ABSENT).written()).isTrue();
    }
  }

  @Test
  public void closedStoreCanBeOpenedByAnotherJvm() throws Exception {
    FileStateStore.open(file).close();
    try (ChildJvm child = ChildJvm.start(StateFileChild.class, "try-open", file.toString())) {
      assertThat(child.awaitLine("", TIMEOUT)).isEqualTo("OPENED file:" + file);
    }
  }
}
