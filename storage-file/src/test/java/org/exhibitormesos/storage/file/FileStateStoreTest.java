package org.exhibitormesos.storage.file;

import org.exhibitormesos.core.testing.TempDirs;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.WriteResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class FileStateStoreTest {

  private Path dir;
  private Path file;

  @BeforeMethod
  public void createDir() {
    dir = TempDirs.create("file-state-store");
    file = dir.resolve("state.json");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteDir() {
    TempDirs.delete(dir);
  }

  @Test
  public void specsNameAbsoluteOrRelativePaths() {
    assertThat(FileStateStore.parseSpec("file:/var/lib/em/state.json"))
        .isEqualTo(Path.of("/var/lib/em/state.json"));
    assertThat(FileStateStore.parseSpec("file:data/state.json"))
        .isEqualTo(Path.of("data/state.json"));
  }

  @DataProvider
  public Object[][] badSpecs() {
    return new Object[][] {{"state.json"}, {"zk:host:2181/x"}, {"file:"}, {"file:  "},
        {"file:/var/lib/"}, {"FILE:/x.json"}, {"file:a\u0000b"}};
  }

  @Test(dataProvider = "badSpecs")
  public void badSpecsNameTheAcceptedForm(String spec) {
    assertThatThrownBy(() -> FileStateStore.parseSpec(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file:<path>");
  }

  @Test
  public void nullSpecNamesTheAcceptedForm() {
    assertThatThrownBy(() -> FileStateStore.open((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file:<path>");
  }

  @Test
  public void openBySpecDescribesTheAbsolutePath() throws Exception {
    try (FileStateStore store = FileStateStore.open("file:" + file)) {
      assertThat(store.describe()).isEqualTo("file:" + file.toAbsolutePath());
    }
  }

  @Test
  public void fileIsAReadableHeaderLineFollowedByThePayload() throws Exception {
    try (FileStateStore store = FileStateStore.open(file)) {
      store.compareAndSet("{\"a\":1}".getBytes(UTF_8), StateStore.ABSENT);
      store.compareAndSet("{\"a\":22}".getBytes(UTF_8), 1);
    }
    assertThat(Files.readString(file))
        .isEqualTo("exhibitor-mesos-state 1 version=2 length=8 crc32=" + crcHex("{\"a\":22}")
            + "\n{\"a\":22}");
  }

  @Test
  public void missingFileIsAnEmptyStore() throws Exception {
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.read()).isEmpty();
    }
    assertThat(file).doesNotExist();
  }

  @DataProvider
  public Object[][] corruptFiles() {
    byte[] garbage = new byte[300];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31 + 7);
    }
    String good = "exhibitor-mesos-state 1 version=3 length=7 crc32=" + crcHex("{\"a\":1}") + "\n";
    return new Object[][] {
        {"garbage", garbage, "not an exhibitor-mesos state file"},
        {"header without newline", ("exhibitor-mesos-state 1 version=1" + "x".repeat(200))
            .getBytes(UTF_8), "no header line"},
        {"empty file", new byte[0], "empty"},
        {"text that is not ours", "{\"a\":1}\n".getBytes(UTF_8), "not an exhibitor-mesos state"},
        {"truncated payload", (good + "{\"a\"").getBytes(UTF_8), "truncated"},
        {"header only", good.getBytes(UTF_8), "truncated: header says length=7 but only 0"},
        {"wrong crc", (good.replace("crc32=" + crcHex("{\"a\":1}"), "crc32=00000000") + "{\"a\":1}")
            .getBytes(UTF_8), "checksum mismatch"},
        {"flipped payload byte", (good + "{\"a\":2}").getBytes(UTF_8), "checksum mismatch"},
        {"trailing bytes", (good + "{\"a\":1}xx").getBytes(UTF_8), "2 unexpected bytes"},
        {"bad header", "exhibitor-mesos-state 1 version=x length=7\n{\"a\":1}".getBytes(UTF_8),
            "malformed header"},
        {"newer format", good.replace("state 1 ", "state 2 ").concat("{\"a\":1}").getBytes(UTF_8),
            "unsupported file format 2"},
    };
  }

  @Test(dataProvider = "corruptFiles")
  public void corruptFilesAreReportedNotReadAsEmpty(String name, byte[] content, String problem)
      throws Exception {
    Files.write(file, content);
    try (FileStateStore store = FileStateStore.open(file)) {
      StateStoreException read = catchThrowableOfType(store::read, StateStoreException.class);
      StateStoreException write = catchThrowableOfType(
          () -> store.compareAndSet(new byte[] {1}, StateStore.ABSENT), StateStoreException.class);

      for (StateStoreException e : Arrays.asList(read, write)) {
        assertThat(e).as(name).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e.store()).isEqualTo("file:" + file);
        assertThat(e.getMessage()).contains("state file " + file + " is corrupt").contains(problem);
      }
    }
    assertThat(Files.readAllBytes(file)).as("corrupt file left as it was").isEqualTo(content);
  }

  @Test
  public void leftoverTempFileAloneIsNotData() throws Exception {
    Path temp = dir.resolve("state.json.tmp");
    Files.writeString(temp, "exhibitor-mesos-state 1 version=9 length=0 crc32=00000000\n");
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.read()).isEmpty();
      assertThat(store.compareAndSet("new".getBytes(UTF_8), StateStore.ABSENT))
          .isEqualTo(new WriteResult.Written(1));
      assertThat(new String(store.read().orElseThrow().value(), UTF_8)).isEqualTo("new");
    }
    assertThat(temp).doesNotExist();
  }

  @Test
  public void leftoverTempFileBesideDataIsIgnored() throws Exception {
    try (FileStateStore store = FileStateStore.open(file)) {
      store.compareAndSet("kept".getBytes(UTF_8), StateStore.ABSENT);
    }
    Files.writeString(dir.resolve("state.json.tmp"), "exhibitor-mesos-state 1 version=7 len");
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.read().orElseThrow().version()).isEqualTo(1);
      assertThat(new String(store.read().orElseThrow().value(), UTF_8)).isEqualTo("kept");
    }
  }

  @Test
  public void missingDirectoryIsAClearError() {
    Path missing = dir.resolve("no-such-dir").resolve("state.json");

    StateStoreException e = catchThrowableOfType(
        () -> FileStateStore.open(missing), StateStoreException.class);

    assertThat(e.reason()).isEqualTo(Reason.IO);
    assertThat(e.getMessage()).isEqualTo("cannot open state file " + missing
        + ": directory " + missing.getParent() + " does not exist");
  }

  @Test
  public void directoryAsStateFileIsAClearError() throws Exception {
    Files.createDirectory(file);
    StateStoreException e = catchThrowableOfType(
        () -> FileStateStore.open(file), StateStoreException.class);
    assertThat(e.reason()).isEqualTo(Reason.IO);
    assertThat(e.getMessage()).contains(file.toString()).contains("is a directory");
  }

  @Test
  public void secondOpenInTheSameJvmFailsNamingTheFile() throws Exception {
    try (FileStateStore first = FileStateStore.open(file)) {
      StateStoreException e = catchThrowableOfType(
          () -> FileStateStore.open(file), StateStoreException.class);

      assertThat(e.reason()).isEqualTo(Reason.LOCKED);
      assertThat(e.getMessage()).isEqualTo("state file " + file
          + " is locked by another scheduler (lock file " + file + ".lock)");
      assertThat(first.compareAndSet(new byte[] {1}, StateStore.ABSENT).written()).isTrue();
    }
    try (FileStateStore again = FileStateStore.open(file)) {
      assertThat(again.read()).isPresent();
    }
  }

  @Test
  public void samePathSpelledDifferentlyIsStillLocked() throws Exception {
    Files.createDirectory(dir.resolve("sub"));
    try (FileStateStore first = FileStateStore.open(file)) {
      StateStoreException e = catchThrowableOfType(
          () -> FileStateStore.open(dir.resolve("sub/../state.json")), StateStoreException.class);
      assertThat(e.reason()).isEqualTo(Reason.LOCKED);
    }
  }

  @Test
  public void closeKeepsTheDataAndTheLockFile() throws Exception {
    FileStateStore store = FileStateStore.open(file);
    store.compareAndSet(new byte[] {1, 2}, StateStore.ABSENT);
    store.close();
    assertThat(file).exists();
    assertThat(dir.resolve("state.json.lock")).exists();
  }

  private static String crcHex(String text) {
    var crc = new java.util.zip.CRC32();
    crc.update(text.getBytes(UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
