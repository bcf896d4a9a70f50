package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class VolumeDirectoriesTest {
  private Path work;
  private VolumeDirectories volumes;

  @BeforeMethod
  public void setUp() throws IOException {
    work = TempDirs.create("volumes-test");
    volumes = new VolumeDirectories(work);
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws IOException {
    TempDirs.delete(work);
  }

  @Test
  public void pathIsTheRealAgentsWithSlashesInRolesAsSpaces() {
    assertThat(volumes.path("zk", "zk-1-uuid"))
        .isEqualTo(work.resolve("volumes/roles/zk/zk-1-uuid"));
    assertThat(volumes.path("eng/zk", "p")).isEqualTo(work.resolve("volumes/roles/eng zk/p"));
  }

  @Test
  public void createIsIdempotentAndKeepsData() throws Exception {
    assertThat(volumes.exists("zk", "p1")).isFalse();
    Path volume = volumes.create("zk", "p1");
    Files.writeString(volume.resolve("myid"), "1");

    assertThat(volumes.create("zk", "p1")).isEqualTo(volume);
    assertThat(volumes.exists("zk", "p1")).isTrue();
    assertThat(volume.resolve("myid")).hasContent("1");
  }

  @Test
  public void destroyDeletesTheDataButNotWhatSymlinksPointAt() throws Exception {
    Path volume = volumes.create("zk", "p1");
    Files.createDirectories(volume.resolve("version-2"));
    Files.writeString(volume.resolve("version-2/log.1"), "data");
    Path outside = Files.writeString(work.resolve("outside"), "keep");
    Files.createSymbolicLink(volume.resolve("link"), outside);

    volumes.destroy("zk", "p1");
    volumes.destroy("zk", "p1");

    assertThat(volumes.exists("zk", "p1")).isFalse();
    assertThat(volume).doesNotExist();
    assertThat(outside).hasContent("keep");
  }

  @Test
  public void mountLinksTheVolumeIntoTheSandbox() throws Exception {
    Path volume = volumes.create("zk", "p1");
    Path sandbox = Files.createDirectories(work.resolve("sandbox"));

    volumes.mount(volume, sandbox, "zkdata");
    volumes.mount(volume, sandbox, "zkdata");
    Files.writeString(sandbox.resolve("zkdata/myid"), "3");

    assertThat(Files.readSymbolicLink(sandbox.resolve("zkdata"))).isEqualTo(volume);
    assertThat(volume.resolve("myid")).hasContent("3");
  }

  @Test
  public void mountRefusesAnOccupiedPathOrAMissingVolume() throws Exception {
    Path volume = volumes.create("zk", "p1");
    Path other = volumes.create("zk", "p2");
    Path sandbox = Files.createDirectories(work.resolve("sandbox"));
    volumes.mount(volume, sandbox, "zkdata");

    assertThatThrownBy(() -> volumes.mount(other, sandbox, "zkdata"))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> volumes.mount(volumes.path("zk", "p3"), sandbox, "other"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  public void containerPathMustBeRelativeAndNotNested() throws Exception {
    Path volume = volumes.create("zk", "p1");
    Path sandbox = Files.createDirectories(work.resolve("sandbox"));
    for (String bad : new String[] {"/abs", "a/b", "..", ".", "", " "}) {
      assertThatThrownBy(() -> volumes.mount(volume, sandbox, bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("container path");
    }
  }

  @Test
  public void persistenceIdsCannotEscape() {
    assertThatThrownBy(() -> volumes.path("zk", "../x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("persistenceId");
    assertThatThrownBy(() -> volumes.path("..", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role");
  }
}
