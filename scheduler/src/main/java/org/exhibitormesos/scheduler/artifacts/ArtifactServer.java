package org.exhibitormesos.scheduler.artifacts;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Serves the files of an {@link ArtifactFolder} over the API's HTTP server, for Mesos fetchers:
 * {@code GET} and {@code HEAD} on {@code /artifacts/<name>} and on the original framework's
 * prefixes {@code /jar/}, {@code /exhibitor/}, {@code /zookeeper/}, {@code /jdk/} (all the same
 * folder). Answers carry Content-Length and {@code application/octet-stream}; bodies are streamed
 * from the file with a {@link DefaultFileRegion}, never loaded into memory. A malformed name
 * (a path, a dot-name, {@code %2e%2e}) gets 400, an unknown one 404, both as plain text.
 * Thread-safe.
 */
public final class ArtifactServer {
  /** The route prefix of artifacts. */
  public static final String PREFIX = "/artifacts/";
  /** Every prefix served, the original's included. */
  public static final List<String> PREFIXES = List.of(PREFIX, "/jar/", "/exhibitor/", "/zookeeper/", "/jdk/");

  private static final Logger LOG = LogManager.getLogger(ArtifactServer.class);

  private final ArtifactFolder folder;

  public ArtifactServer(ArtifactFolder folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /** The path of artifact {@code name}, URL-encoded, for task URIs: {@code /artifacts/<name>}. */
  public static String path(String name) {
    return PREFIX + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** @return the still-encoded name when {@code rawPath} is an artifact route */
  public Optional<String> rawName(String rawPath) {
    return PREFIXES.stream().filter(rawPath::startsWith).findFirst().map(p -> rawPath.substring(p.length()));
  }

  /**
   * Answers a GET or HEAD for an artifact; the caller checked the method.
   *
   * @param rawName the part of the path after the prefix, as sent (URL-encoded)
   */
  public void serve(ChannelHandlerContext ctx, HttpRequest request, String rawName) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean head = HttpMethod.HEAD.equals(request.method());
    String name;
    try {
      name = QueryStringDecoder.decodeComponent(rawName, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      text(ctx, HttpResponseStatus.BAD_REQUEST, "malformed artifact name: " + e.getMessage(), keepAlive, head);
      return;
    }
    ArtifactFolder.Lookup lookup = folder.find(name);
    if (lookup instanceof ArtifactFolder.Malformed m) {
      LOG.info("artifact request {} refused: {}", request.uri(), m.reason());
      text(ctx, HttpResponseStatus.BAD_REQUEST, m.reason(), keepAlive, head);
    } else if (lookup instanceof ArtifactFolder.Missing) {
      LOG.info("artifact request {}: no such artifact in {}", request.uri(), folder.folder());
      text(ctx, HttpResponseStatus.NOT_FOUND, "no artifact '" + name + "'", keepAlive, head);
    } else if (lookup instanceof ArtifactFolder.Found found) {
      file(ctx, found, keepAlive, head);
    }
  }

  private static void file(ChannelHandlerContext ctx, ArtifactFolder.Found found, boolean keepAlive, boolean head) {
    FileChannel channel = null;
    if (!head) {
      try {
        channel = FileChannel.open(found.file(), StandardOpenOption.READ);
      } catch (IOException e) {
        text(ctx, HttpResponseStatus.NOT_FOUND, "artifact unreadable", keepAlive, false);
        return;
      }
    }
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
        .set(HttpHeaderNames.CONTENT_LENGTH, found.size());
    HttpUtil.setKeepAlive(response, keepAlive);
    ctx.write(response);
    if (channel != null) {
      // DefaultFileRegion closes the channel once written or released.
      ctx.write(new DefaultFileRegion(channel, 0, found.size()));
      LOG.debug("serving {} ({} bytes)", found.file(), found.size());
    }
    ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (!keepAlive) {
      last.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive,
      boolean head) {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture sent = ctx.writeAndFlush(response);
    if (!keepAlive) {
      sent.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
