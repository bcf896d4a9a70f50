package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class SandboxesTest {
  @Test
  public void layoutIsTheRealAgents() throws Exception {
    Path work = TempDirs.create("sandboxes-test");
    try {
      Path sandbox = Sandboxes.create(work, "a1-S0", "fw-1", "zk-1.executor", "c-42");

      assertThat(sandbox).isEqualTo(work.resolve(
          "slaves/a1-S0/frameworks/fw-1/executors/zk-1.executor/runs/c-42"));
      assertThat(sandbox).isDirectory();
      assertThat(Sandboxes.create(work, "a1-S0", "fw-1", "zk-1.executor", "c-42"))
          .as("idempotent").isEqualTo(sandbox);
      assertThat(Files.list(sandbox)).isEmpty();
    } finally {
      TempDirs.delete(work);
    }
  }

  @Test
  public void idsMustBeSinglePathComponents() {
    Path work = Path.of("/nonexistent");
    assertThatThrownBy(() -> Sandboxes.path(work, "a/../..", "f", "e", "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentId");
    assertThatThrownBy(() -> Sandboxes.path(work, "a", "..", "e", "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frameworkId");
    assertThatThrownBy(() -> Sandboxes.path(work, "a", "f", " ", "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("executorId");
  }
}
