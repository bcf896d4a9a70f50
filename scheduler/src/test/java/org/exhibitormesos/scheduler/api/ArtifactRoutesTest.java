package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.testng.SkipException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** The artifact routes over real HTTP: content, lengths, HEAD, aliases and refused traversal. */
public class ArtifactRoutesTest extends ApiTestBase {
  private static final String OUTSIDE_CONTENT = "TOP-SECRET-OUTSIDE";
  private Path outside;

  @BeforeMethod
  public void files() throws IOException {
    Files.writeString(artifactsDir.resolve("executor.jar"), "jar bytes");
    Files.writeString(artifactsDir.resolve("exhibitor mesos.tgz"), "spaced");
    Files.writeString(artifactsDir.resolve(".hidden"), "hidden");
    Files.createDirectory(artifactsDir.resolve("sub"));
    Files.writeString(artifactsDir.resolve("sub").resolve("inner.txt"), "inner");
    outside = Files.createTempFile("outside", ".txt");
    Files.writeString(outside, OUTSIDE_CONTENT);
  }

  @AfterMethod(alwaysRun = true)
  public void removeOutside() throws IOException {
    if (outside != null) {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  public void servesAFileWithLengthAndTypeUnderEveryPrefix() {
    for (String prefix : ArtifactServer.PREFIXES) {
      HttpResponse<byte[]> r = client.getBytes(prefix + "executor.jar");
      assertThat(r.statusCode()).as(prefix).isEqualTo(200);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("jar bytes");
      assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(9);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }
  }

  @Test
  public void encodedNamesAreDecoded() {
    HttpResponse<byte[]> r = client.getBytes(ArtifactServer.path("exhibitor mesos.tgz"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("spaced");
  }

  @Test
  public void headAnswersTheLengthWithoutABody() {
    HttpResponse<String> r = client.method("HEAD", "/artifacts/executor.jar");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(9);
    assertThat(r.body()).isEmpty();
    assertThat(client.method("HEAD", "/artifacts/missing.jar").statusCode()).isEqualTo(404);
  }

  @Test
  public void largeFilesAreStreamedWhole() throws Exception {
    Path big = artifactsDir.resolve("zookeeper.tar.gz");
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(7);
    int chunks = 24;
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < chunks; i++) {
        random.nextBytes(chunk);
        written.update(chunk);
        out.write(chunk);
      }
    }
    HttpResponse<byte[]> r = client.getBytes("/zookeeper/zookeeper.tar.gz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue((long) chunks << 20);
    assertThat(MessageDigest.getInstance("SHA-256").digest(r.body())).isEqualTo(written.digest());
    // The connection stays usable after a file.
    assertThat(client.getBytes("/artifacts/executor.jar").statusCode()).isEqualTo(200);
  }

  @DataProvider
  public static Object[][] refused() {
    return new Object[][] {
        {"GET /artifacts/../pom.xml HTTP/1.1", 400},
        {"GET /artifacts/%2e%2e/pom.xml HTTP/1.1", 400},
        {"GET /artifacts/%2E%2E HTTP/1.1", 400},
        {"GET /artifacts/.. HTTP/1.1", 400},
        {"GET /artifacts/..%2f..%2fetc%2fpasswd HTTP/1.1", 400},
        {"GET /artifacts//etc/passwd HTTP/1.1", 400},
        {"GET /artifacts/%2fetc%2fpasswd HTTP/1.1", 400},
        {"GET /artifacts/sub/inner.txt HTTP/1.1", 400},
        {"GET /artifacts/..%5cpom.xml HTTP/1.1", 400},
        {"GET /jar/.hidden HTTP/1.1", 400},
        {"GET /artifacts/ HTTP/1.1", 400},
        {"GET /artifacts/%zz HTTP/1.1", 400},
        {"GET /artifacts/%252e%252e HTTP/1.1", 404},
        {"GET /artifacts/sub HTTP/1.1", 404},
        {"GET /artifacts/missing.jar HTTP/1.1", 404},
        {"POST /artifacts/executor.jar HTTP/1.1", 405},
    };
  }

  @Test(dataProvider = "refused")
  public void traversalAndOddNamesAreRefused(String requestLine, int status) {
    String answer = client.raw(requestLine);
    assertThat(answer).as(requestLine).startsWith("HTTP/1.1 " + status + " ");
    assertThat(answer).doesNotContain(OUTSIDE_CONTENT, "inner", "hidden\r");
  }

  @Test
  public void symbolicLinksLeavingTheFolderAreNotFollowed() throws IOException {
    try {
      Files.createSymbolicLink(artifactsDir.resolve("escape.jar"), outside);
      Files.createSymbolicLink(artifactsDir.resolve("alias.jar"), artifactsDir.resolve("executor.jar"));
      Files.createSymbolicLink(artifactsDir.resolve("up"), artifactsDir.getParent());
    } catch (UnsupportedOperationException e) {
      throw new SkipException("no symbolic links here");
    }
    assertThat(client.raw("GET /artifacts/escape.jar HTTP/1.1")).startsWith("HTTP/1.1 404 ")
        .doesNotContain(OUTSIDE_CONTENT);
    assertThat(client.raw("GET /artifacts/up HTTP/1.1")).startsWith("HTTP/1.1 404 ");
    assertThat(client.raw("GET /artifacts/up%2f" + outside.getFileName() + " HTTP/1.1")).startsWith("HTTP/1.1 400 ")
        .doesNotContain(OUTSIDE_CONTENT);
    HttpResponse<byte[]> inside = client.getBytes("/artifacts/alias.jar");
    assertThat(inside.statusCode()).isEqualTo(200);
    assertThat(new String(inside.body(), StandardCharsets.UTF_8)).isEqualTo("jar bytes");
  }
}
