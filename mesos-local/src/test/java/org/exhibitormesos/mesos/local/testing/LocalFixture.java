package org.exhibitormesos.mesos.local.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;

/** Starts mesos-local on fast timings with the in-JVM executor stand-in, in a temp work dir. */
public final class LocalFixture implements AutoCloseable {
  public final Path workDir;
  public final InJvmExecutorRuntime runtime = new InJvmExecutorRuntime();
  public final MesosLocal local;

  public LocalFixture(int agents, UnaryOperator<MesosLocalConfig> tweak) throws IOException {
    this(Files.createTempDirectory("mesos-local-test"), agents, tweak);
  }

  public LocalFixture(Path workDir, int agents, UnaryOperator<MesosLocalConfig> tweak)
      throws IOException {
    this.workDir = workDir;
    MesosLocalConfig config = tweak.apply(MesosLocalConfig.defaults(workDir, agents).fast());
    this.local = MesosLocal.start(config, runtime, DirVolumeStore::new);
  }

  public String url() {
    return local.masterUrl();
  }

  @Override
  public void close() {
    local.close();
  }

  public void deleteWorkDir() throws IOException {
    try (Stream<Path> s = Files.walk(workDir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
