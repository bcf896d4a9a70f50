package org.exhibitormesos.scheduler.mesos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an agent gets and starts the executor: the URLs of the executor jar and of the ZooKeeper
 * distribution (both served by the scheduler's artifact server), and the executor JVM's options.
 *
 * @param executorJarUrl the executor's runnable jar, fetched into the sandbox as {@code executorJarName}
 * @param zookeeperDistUrl the ZooKeeper distribution ({@code tar.gz} with {@code zookeeper-dist/lib/*.jar}),
 *     extracted into the sandbox by the fetcher
 * @param jvmOptions the executor JVM's options; they keep its memory small (it only supervises)
 * @param exhibitorBundleUrl Exhibitor mode: the Exhibitor bundle ({@code tar.gz} with
 *     {@code exhibitor-bundle/lib/*.jar}), extracted into the sandbox; empty in native mode
 */
public record ExecutorArtifacts(String executorJarUrl, String executorJarName, String zookeeperDistUrl,
    List<String> jvmOptions, Optional<String> exhibitorBundleUrl) {
  /**
   * A small heap with a 4 MB young generation (the serial collector touches all of eden between
   * collections; the default young size for a 32 MB heap cost 6 MB more RSS, docs/benchmarks.md),
   * serial GC, C1 only, small stacks and code cache, unpooled Netty buffers.
   */
  public static final List<String> LOW_MEMORY_JVM = List.of("-Xmx32m", "-Xmn4m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xss256k", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=64m",
      "-Dio.netty.allocator.type=unpooled");

  public ExecutorArtifacts {
    Objects.requireNonNull(executorJarUrl, "executorJarUrl");
    Objects.requireNonNull(executorJarName, "executorJarName");
    Objects.requireNonNull(zookeeperDistUrl, "zookeeperDistUrl");
    jvmOptions = List.copyOf(jvmOptions);
    Objects.requireNonNull(exhibitorBundleUrl, "exhibitorBundleUrl");
    if (!executorJarName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("executor jar name '" + executorJarName + "' is not a plain file name");
    }
  }

  /** Native mode: no Exhibitor bundle. */
  public ExecutorArtifacts(String executorJarUrl, String executorJarName, String zookeeperDistUrl,
      List<String> jvmOptions) {
    this(executorJarUrl, executorJarName, zookeeperDistUrl, jvmOptions, Optional.empty());
  }
}
