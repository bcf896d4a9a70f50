package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class FetcherTest {
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final Fetcher fetcher = new Fetcher(Duration.ofSeconds(10));
  private HttpServer server;
  private Path dir;
  private Path sandbox;

  @BeforeClass
  public void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = served.get(exchange.getRequestURI().getPath());
      try (exchange) {
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  @AfterClass(alwaysRun = true)
  public void stopServer() {
    server.stop(0);
  }

  @BeforeMethod
  public void setUp() throws IOException {
    dir = TempDirs.create("fetcher-test");
    sandbox = Files.createDirectories(dir.resolve("sandbox"));
    served.clear();
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws IOException {
    TempDirs.delete(dir);
  }

  private String http(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A tar.gz built with the system tar: bin/run.sh (0755) and conf/zoo.cfg. */
  private Path tarGz(String name) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src-" + name));
    Files.createDirectories(src.resolve("bin"));
    Files.createDirectories(src.resolve("conf"));
    Files.writeString(src.resolve("bin/run.sh"), "#!/bin/sh\necho run\n");
    Files.setPosixFilePermissions(src.resolve("bin/run.sh"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(src.resolve("conf/zoo.cfg"), "tickTime=2000\n");
    Path archive = dir.resolve(name);
    TempDirs.run(List.of("tar", "-C", src.toString(), "-czf", archive.toString(), "bin", "conf"));
    return archive;
  }

  private Path zip(String name, String... entries) throws IOException {
    Path archive = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
      for (String entry : entries) {
        out.putNextEntry(new ZipEntry(entry));
        if (!entry.endsWith("/")) {
          out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return archive;
  }

  @Test
  public void copiesFileUrisAndAbsolutePaths() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "A");
    Path b = Files.writeString(dir.resolve("b.cfg"), "B");

    fetcher.fetch(List.of(FetchUri.of("file://" + a), FetchUri.of(b.toString())), sandbox);

    assertThat(sandbox.resolve("a.txt")).hasContent("A");
    assertThat(sandbox.resolve("b.cfg")).hasContent("B");
  }

  @Test
  public void extractsTarGzIntoTheSandboxKeepingModesAndTheArchive() throws Exception {
    Path archive = tarGz("zk.tar.gz");

    fetcher.fetch(List.of(FetchUri.of("file://" + archive)), sandbox);

    assertThat(sandbox.resolve("conf/zoo.cfg")).hasContent("tickTime=2000");
    assertThat(Files.getPosixFilePermissions(sandbox.resolve("bin/run.sh")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(sandbox.resolve("zk.tar.gz")).exists();
  }

  @Test
  public void downloadsAndExtractsOverHttp() throws Exception {
    served.put("/dist/zk.tgz", Files.readAllBytes(tarGz("zk.tgz")));
    served.put("/dist/plain.txt", "plain".getBytes(StandardCharsets.UTF_8));

    fetcher.fetch(List.of(FetchUri.of(http("/dist/zk.tgz")), FetchUri.of(http("/dist/plain.txt"))),
        sandbox);

    assertThat(sandbox.resolve("bin/run.sh")).isExecutable();
    assertThat(sandbox.resolve("zk.tgz")).exists();
    assertThat(sandbox.resolve("plain.txt")).hasContent("plain");
  }

  @Test
  public void executableIsChmoddedAndNeverExtracted() throws Exception {
    served.put("/executor.tar.gz", Files.readAllBytes(tarGz("executor.tar.gz")));

    fetcher.fetch(List.of(new FetchUri(http("/executor.tar.gz"), true, true, Optional.empty())),
        sandbox);

    assertThat(Files.getPosixFilePermissions(sandbox.resolve("executor.tar.gz")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(sandbox.resolve("bin")).doesNotExist();
  }

  @Test
  public void extractFalseKeepsTheArchiveOnly() throws Exception {
    Path archive = tarGz("keep.tar.gz");

    fetcher.fetch(List.of(new FetchUri(archive.toString(), false, false, Optional.empty())),
        sandbox);

    assertThat(sandbox.resolve("keep.tar.gz")).exists();
    assertThat(sandbox.resolve("bin")).doesNotExist();
  }

  @Test
  public void outputFileRenamesAndMayCreateSubdirectories() throws Exception {
    served.put("/download", "jar".getBytes(StandardCharsets.UTF_8));

    fetcher.fetch(List.of(
        new FetchUri(http("/download?version=1"), false, true, Optional.of("lib/executor.jar")),
        FetchUri.of(http("/download?version=1"))), sandbox);

    assertThat(sandbox.resolve("lib/executor.jar")).hasContent("jar");
    assertThat(sandbox.resolve("download?version=1")).as("query stays in the name")
        .hasContent("jar");
  }

  @Test
  public void extractsZipAndGz() throws Exception {
    Path zip = zip("app.zip", "dir/", "dir/b.txt", "c.txt");
    Path gz = dir.resolve("notes.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("notes".getBytes(StandardCharsets.UTF_8));
    }

    fetcher.fetch(List.of(FetchUri.of(zip.toString()), FetchUri.of(gz.toString())), sandbox);

    assertThat(sandbox.resolve("dir/b.txt")).hasContent("content of dir/b.txt");
    assertThat(sandbox.resolve("c.txt")).hasContent("content of c.txt");
    assertThat(sandbox.resolve("app.zip")).exists();
    assertThat(sandbox.resolve("notes.txt")).hasContent("notes");
  }

  @Test
  public void http404NamesTheUriAndStatus() {
    String uri = http("/missing.tar.gz");
    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of(uri)), sandbox))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining(uri).hasMessageContaining("HTTP status 404")
        .satisfies(e -> assertThat(((FetchException) e).uri()).isEqualTo(uri));
    assertThat(sandbox.resolve("missing.tar.gz")).doesNotExist();
  }

  @Test
  public void refusedConnectionNamesTheUri() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String uri = "http://127.0.0.1:" + port + "/x.tgz";
    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of(uri)), sandbox))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining(uri).hasMessageContaining("connection refused");
  }

  @Test
  public void badArchivesNameTheUriAndTheTool() throws Exception {
    Path badTar = Files.writeString(dir.resolve("bad.tar.gz"), "not a tarball");
    Path badZip = Files.writeString(dir.resolve("bad.zip"), "not a zip");

    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of(badTar.toString())), sandbox))
        .isInstanceOf(FetchException.class).hasMessageContaining(badTar.toString())
        .hasMessageContaining("bad archive bad.tar.gz: tar exited with");
    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of(badZip.toString())), sandbox))
        .isInstanceOf(FetchException.class).hasMessageContaining(badZip.toString())
        .hasMessageContaining("bad archive bad.zip");
  }

  @Test
  public void zipEntriesCannotLeaveTheSandbox() throws Exception {
    Path evil = zip("evil.zip", "../escaped.txt");

    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of(evil.toString())), sandbox))
        .isInstanceOf(FetchException.class).hasMessageContaining("outside the sandbox");
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  public void unsupportedSourcesAreRejectedWithTheReason() throws Exception {
    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of("hdfs://nn/zk.tgz")), sandbox))
        .isInstanceOf(FetchException.class).hasMessageContaining("unsupported scheme");
    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of("zk.tgz")), sandbox))
        .isInstanceOf(FetchException.class).hasMessageContaining("--frameworks_home");
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> fetcher.fetch(List.of(FetchUri.of("file://" + missing)), sandbox))
        .isInstanceOf(FetchException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> new FetchUri("/x", false, true, Optional.of("../out")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output_file");
  }
}
