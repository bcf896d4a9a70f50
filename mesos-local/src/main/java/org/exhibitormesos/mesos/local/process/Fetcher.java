package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The Mesos fetcher (reference section 8) without its cache: fetches {@code CommandInfo.uris} one
 * after the other into a sandbox. Sources: {@code http://} and {@code https://} (status must be
 * 200; redirects followed), {@code file://} and absolute paths (copied). Relative paths need the
 * agent's {@code --frameworks_home}, which mesos-local does not have, and other schemes need
 * Hadoop: both are rejected. Then {@code executable} chmods 0755 (no extraction), else {@code
 * extract} unpacks recognised archives into the sandbox root (see {@link Archives}), keeping the
 * archive.
 *
 * <p>Thread-safe. The timeout bounds connecting, waiting for response headers and running {@code
 * tar}; a body that stalls after the headers is not bounded.
 */
public final class Fetcher {
  private static final Logger LOG = LogManager.getLogger(Fetcher.class);

  private final Duration timeout;
  private HttpClient client;

  public Fetcher(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("fetch timeout must be positive, got " + timeout);
    }
  }

  /**
   * Fetches {@code uris} in order into the existing directory {@code sandbox}; stops at the first
   * failure (files fetched before it stay).
   *
   * @throws FetchException naming the failed URI and the cause (HTTP status, connection refused,
   *     missing file, bad archive, unsupported scheme)
   */
  public void fetch(List<FetchUri> uris, Path sandbox) throws FetchException {
    Objects.requireNonNull(sandbox, "sandbox");
    for (FetchUri uri : List.copyOf(uris)) {
      fetchOne(uri, sandbox.toAbsolutePath().normalize());
    }
  }

  private void fetchOne(FetchUri uri, Path sandbox) throws FetchException {
    String value = uri.value();
    String name = uri.outputFile().orElseGet(() -> value.substring(value.lastIndexOf('/') + 1));
    if (name.isEmpty()) {
      throw new FetchException(value, "cannot name the file after a URI ending in '/'; set"
          + " output_file");
    }
    Path target = sandbox.resolve(name).normalize();
    if (!target.startsWith(sandbox) || target.equals(sandbox)) {
      throw new FetchException(value, "file name '" + name + "' leaves the sandbox");
    }
    try {
      Files.createDirectories(target.getParent());
      if (value.startsWith("http://") || value.startsWith("https://")) {
        download(value, target);
      } else if (value.startsWith("file://")) {
        copy(value, Path.of(value.substring("file://".length())), target);
      } else if (value.startsWith("/")) {
        copy(value, Path.of(value), target);
      } else if (value.contains("://")) {
        throw new FetchException(value, "unsupported scheme (mesos-local fetches http, https and"
            + " file URIs)");
      } else {
        throw new FetchException(value, "relative paths need the agent's --frameworks_home, which"
            + " mesos-local does not support; use an absolute path or file://");
      }
      String action;
      if (uri.executable()) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        action = "made executable";
      } else if (uri.extract()) {
        Archives.Kind kind = Archives.extract(value, target, sandbox, timeout);
        action = kind == Archives.Kind.NONE ? "kept as is" : "extracted (" + kind + ")";
      } else {
        action = "kept as is (extract=false)";
      }
      LOG.info("fetched {} to {}: {}", value, target, action);
    } catch (IOException e) {
      throw new FetchException(value, "cannot write " + target + ": " + e, e);
    }
  }

  private static void copy(String uri, Path source, Path target)
      throws FetchException, IOException {
    if (!source.isAbsolute()) {
      throw new FetchException(uri, "file URIs must name an absolute path");
    }
    if (Files.isDirectory(source)) {
      throw new FetchException(uri, source + " is a directory");
    }
    try {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      throw new FetchException(uri, source + " does not exist", e);
    }
  }

  private void download(String uri, Path target) throws FetchException {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).GET().build();
    } catch (IllegalArgumentException e) {
      throw new FetchException(uri, "malformed URI: " + e.getMessage(), e);
    }
    HttpResponse<Path> response;
    try {
      response = client().send(request, info -> info.statusCode() == 200
          ? HttpResponse.BodySubscribers.ofFile(target, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
          : HttpResponse.BodySubscribers.replacing(null));
    } catch (HttpTimeoutException e) {
      throw new FetchException(uri, "timed out after " + timeout.toMillis() + " ms", e);
    } catch (ConnectException e) {
      throw new FetchException(uri, "connection refused or host unreachable ("
          + request.uri().getHost() + ":" + port(request.uri()) + ")", e);
    } catch (IOException e) {
      throw new FetchException(uri, "download failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(uri, "interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new FetchException(uri, "HTTP status " + response.statusCode() + " (expected 200)");
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .connectTimeout(timeout)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return client;
  }
}
