package org.exhibitormesos.storage.file;

import org.exhibitormesos.core.testing.TempDirs;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.WriteResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** The order of file operations that makes a write crash-safe, recorded through {@link FileOps}. */
public class FileStateStoreWriteOrderTest {

  private Path dir;
  private Path file;
  private String dirName;

  @BeforeMethod
  public void createDir() {
    dir = TempDirs.create("file-state-store-order");
    dirName = dir.getFileName().toString();
    file = dir.resolve("state.json");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteDir() {
    TempDirs.delete(dir);
  }

  @Test
  public void writeForcesTempThenRenamesThenSyncsTheDirectory() throws Exception {
    RecordingFileOps ops = new RecordingFileOps();
    try (FileStateStore store = FileStateStore.open(file, ops)) {
      store.compareAndSet(bytes("one"), StateStore.ABSENT);
      ops.clear();

      store.compareAndSet(bytes("two"), 1);
    }

    assertThat(ops.calls()).containsExactly(
        "read state.json",
        "create state.json.tmp",
        "write state.json.tmp",
        "force state.json.tmp",
        "close state.json.tmp",
        "move state.json.tmp state.json",
        "syncDirectory " + dirName);
  }

  @Test
  public void conflictWritesNothing() throws Exception {
    RecordingFileOps ops = new RecordingFileOps();
    try (FileStateStore store = FileStateStore.open(file, ops)) {
      store.compareAndSet(bytes("one"), StateStore.ABSENT);
      ops.clear();

      assertThat(store.compareAndSet(bytes("two"), 7)).isEqualTo(new WriteResult.Conflict(1));
    }
    assertThat(ops.calls()).containsExactly("read state.json");
  }

  @Test
  public void deleteSyncsTheDirectory() throws Exception {
    RecordingFileOps ops = new RecordingFileOps();
    try (FileStateStore store = FileStateStore.open(file, ops)) {
      store.compareAndSet(bytes("one"), StateStore.ABSENT);
      ops.clear();

      store.delete(1);
    }
    assertThat(ops.calls())
        .containsExactly("read state.json", "delete state.json", "syncDirectory " + dirName);
  }

  @DataProvider
  public Object[][] failuresBeforeTheRename() {
    return new Object[][] {{"create"}, {"write"}, {"force"}, {"move"}};
  }

  @Test(dataProvider = "failuresBeforeTheRename")
  public void failureBeforeTheRenameLeavesTheOldFileIntact(String failing) throws Exception {
    try (FileStateStore store = FileStateStore.open(file)) {
      store.compareAndSet(bytes("old"), StateStore.ABSENT);
    }
    byte[] before = Files.readAllBytes(file);
    RecordingFileOps ops = new RecordingFileOps().failOn(failing);

    try (FileStateStore store = FileStateStore.open(file, ops)) {
      StateStoreException e = catchThrowableOfType(
          () -> store.compareAndSet(bytes("new"), 1), StateStoreException.class);

      assertThat(e.reason()).isEqualTo(Reason.IO);
      assertThat(e.getMessage()).contains("cannot write state file " + file)
          .contains("injected failure of " + failing);
      assertThat(ops.calls()).doesNotContain("syncDirectory " + dirName);
      assertThat(store.read().orElseThrow().version()).isEqualTo(1);
      assertThat(new String(store.read().orElseThrow().value(), UTF_8)).isEqualTo("old");
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(dir.resolve("state.json.tmp")).as("temp file removed").doesNotExist();
  }

  @Test
  public void failedDirectorySyncIsReportedAsUnsureDurability() throws Exception {
    RecordingFileOps ops = new RecordingFileOps().failOn("syncDirectory");
    try (FileStateStore store = FileStateStore.open(file, ops)) {
      StateStoreException e = catchThrowableOfType(
          () -> store.compareAndSet(bytes("new"), StateStore.ABSENT), StateStoreException.class);
      assertThat(e.reason()).isEqualTo(Reason.IO);
      assertThat(e.getMessage()).contains("could not be synced");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
