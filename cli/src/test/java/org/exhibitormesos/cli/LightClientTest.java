package org.exhibitormesos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.ApiRoutes;
import org.testng.annotations.Test;

/**
 * A client command starts fast and stays light: it loads no Netty or Mesos class, and neither the cli
 * nor the core classes refer to one (the distribution puts every jar in one lib/ directory, so only
 * the code itself keeps them out).
 */
public class LightClientTest {
  private static final List<String> FORBIDDEN = List.of("io.netty", "org.apache.mesos");

  @Test
  public void aClientCommandLoadsNoNettyOrMesosClass() throws Exception {
    try (FakeApiServer api = new FakeApiServer()) {
      api.answer(ApiRoutes.STATUS, 200, CliRun.resource("api/status.json"));
      String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Path out = Files.createTempFile("cli-verbose", ".out");
      try {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-verbose:class", "-Xshare:off", "-cp", classPath, CliMain.class.getName(), "status", "-a", api.url())
            .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("org.exhibitormesos.cli.CliMain").contains("cluster:")
            .contains("connection string: slave0:31000,slave1:31000");
        List<String> loaded = log.lines().filter(l -> l.contains("[class,load]")).toList();
        assertThat(loaded).hasSizeGreaterThan(100);
        for (String prefix : FORBIDDEN) {
          assertThat(loaded).noneMatch(l -> l.contains(prefix));
        }
      } finally {
        Files.deleteIfExists(out);
      }
    }
  }

  @Test
  public void cliAndCoreClassesReferToNoNettyOrMesosClass() throws Exception {
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    for (Class<?> anchor : List.of(CliMain.class, ApiJson.class)) {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Named clazz : classes(location)) {
        scanned++;
        String text = new String(clazz.bytes(), StandardCharsets.ISO_8859_1);
        for (String prefix : FORBIDDEN) {
          if (text.contains(prefix.replace('.', '/')) || text.contains(prefix)) {
            offenders.add(clazz.name() + " -> " + prefix);
          }
        }
      }
    }
    assertThat(scanned).isGreaterThan(50);
    assertThat(offenders).isEmpty();
  }

  private record Named(String name, byte[] bytes) { }

  private static List<Named> classes(Path location) throws IOException, URISyntaxException {
    List<Named> classes = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          classes.add(new Named(location.relativize(file).toString(), Files.readAllBytes(file)));
        }
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
          try (InputStream in = jar.getInputStream(entry)) {
            classes.add(new Named(entry.getName(), in.readAllBytes()));
          }
        }
      }
    }
    return classes;
  }
}
