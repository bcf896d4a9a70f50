package org.exhibitormesos.mesos.local.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;

/** mesos-local with real executor processes; remembers every run marker for the leftover check. */
public final class ProcessFixture implements AutoCloseable {
  /** Run markers of every mesos-local this JVM started with real processes. */
  public static final Set<String> MARKERS = ConcurrentHashMap.newKeySet();

  public final Path workDir;
  public final MesosLocal local;

  public ProcessFixture(int agents, UnaryOperator<MesosLocalConfig> tweak) throws IOException {
    this(Files.createTempDirectory("mesos-local-proc"), agents, tweak);
  }

  public ProcessFixture(Path workDir, int agents, UnaryOperator<MesosLocalConfig> tweak)
      throws IOException {
    this.workDir = workDir;
    local = MesosLocal.start(tweak.apply(MesosLocalConfig.defaults(workDir, agents).fast()));
    MARKERS.add(local.runMarker().orElseThrow());
  }

  public String url() {
    return local.masterUrl();
  }

  /** CommandInfo JSON (argv form) running {@link TestExecutorMain} with the test classpath. */
  public static String javaExecutorCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    return "{\"shell\":false,\"value\":\"" + java + "\",\"arguments\":[\"java\",\"-Xmx64m\","
        + "\"-XX:+UseSerialGC\",\"-cp\",\"" + cp + "\",\"" + TestExecutorMain.class.getName()
        + "\"]}";
  }

  /** The same in shell form. */
  public static String shellExecutorCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    return "{\"value\":\"exec '" + java + "' -Xmx64m -XX:+UseSerialGC -cp '" + cp + "' "
        + TestExecutorMain.class.getName() + "\"}";
  }

  @Override
  public void close() throws IOException {
    local.close();
    try (Stream<Path> s = Files.walk(workDir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
