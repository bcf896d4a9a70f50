package org.exhibitormesos.executor.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.executor.testing.TestFiles;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class DataOnDiskTest {
  private Path dir;

  @BeforeMethod
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("data-on-disk");
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    TestFiles.deleteTree(dir);
  }

  @DataProvider
  Object[][] names() {
    return new Object[][] {
      {"log.100000001", Optional.of(0x100000001L)},
      {"snapshot.0", Optional.of(0L)},
      {"snapshot.2000000ff", Optional.of(0x2000000ffL)},
      {"log.FFFFFFFFFFFFFFFF", Optional.of(-1L)},
      {"log.", Optional.empty()},
      {"snapshot.xyz", Optional.empty()},
      {"log.100000001.tmp", Optional.empty()},
      {"acceptedEpoch", Optional.empty()},
      {"myid", Optional.empty()},
    };
  }

  @Test(dataProvider = "names")
  public void zxidFromFileName(String name, Optional<Long> zxid) {
    assertThat(DataOnDisk.zxidOf(name)).isEqualTo(zxid);
  }

  @Test
  public void emptyOrMissingDirectoriesHoldNothing() throws Exception {
    assertThat(DataOnDisk.scan(dir, dir)).isEqualTo(DataOnDisk.EMPTY);
    assertThat(DataOnDisk.scan(dir.resolve("missing"), dir.resolve("gone")))
        .isEqualTo(DataOnDisk.EMPTY);
  }

  @Test
  public void newestZxidAcrossSnapshotsAndLogsInBothDirectories() throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("log");
    Files.createDirectories(data.resolve("version-2"));
    Files.createDirectories(log.resolve("version-2"));
    for (String name : List.of("snapshot.0", "snapshot.100000000", "currentEpoch")) {
      Files.createFile(data.resolve("version-2").resolve(name));
    }
    for (String name : List.of("log.100000001", "log.200000001")) {
      Files.createFile(log.resolve("version-2").resolve(name));
    }
    Files.writeString(data.resolve("myid"), "3\n");
    DataOnDisk found = DataOnDisk.scan(data, log);
    assertThat(found.found()).isTrue();
    assertThat(found.lastZxid()).contains(0x200000001L);
    assertThat(found.myid()).contains(3);
  }

  @Test
  public void aMyidAloneCountsAsData() throws Exception {
    Files.writeString(dir.resolve("myid"), "not a number");
    DataOnDisk found = DataOnDisk.scan(dir, dir);
    assertThat(found.found()).isTrue();
    assertThat(found.myid()).isEmpty();
    assertThat(found.lastZxid()).isEmpty();
  }
}
