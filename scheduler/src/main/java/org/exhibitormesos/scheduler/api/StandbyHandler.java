package org.exhibitormesos.scheduler.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;

/**
 * Routes one request to a {@link StandbyApi}: health, status from the stored state, redirects of
 * everything else to the leader. Shared by all channels; thread-safe.
 */
final class StandbyHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LogManager.getLogger(StandbyHandler.class);
  /** Shown by a standby that found no stored state yet; it is never written. */
  private static final String NO_SECRET = "(none stored yet)";

  private final StandbyApi.Setup setup;
  private final EventLoopGroup readers;

  StandbyHandler(StandbyApi.Setup setup, EventLoopGroup readers) {
    this.setup = setup;
    this.readers = readers;
  }

  @Override
  public boolean isSharable() {
    return true;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      HttpResponses.refused(ctx, 400, "malformed HTTP request: " + request.decoderResult().cause(), false, null);
      return;
    }
    String path = new QueryStringDecoder(request.uri()).rawPath();
    HttpMethod method = request.method();
    if (HttpApiHandler.HEALTH.equals(path)) {
      HttpResponses.send(ctx, HttpResponseStatus.OK, HttpResponses.TEXT, "ok", keepAlive, null);
    } else if (ApiRoutes.STATUS.equals(path)) {
      status(ctx, request, keepAlive);
    } else if (ApiRoutes.ALL.contains(path)
        || ArtifactServer.PREFIXES.stream().anyMatch(path::startsWith)) {
      toLeader(ctx, request.uri(), method, keepAlive);
    } else {
      HttpResponses.refused(ctx, 404, "unknown route '" + path + "'; routes: " + String.join(", ", ApiRoutes.ALL)
          + ", " + HttpApiHandler.HEALTH + ", " + ArtifactServer.PREFIX + "<name>", keepAlive, null);
    }
  }

  private void status(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
    Map<String, String> parameters;
    try {
      parameters = RequestParameters.read(request);
      CommandParser.checkStatus(parameters);
    } catch (ApiRequestException e) {
      HttpResponses.refused(ctx, e.status(), e.getMessage(), keepAlive, null);
      return;
    } catch (RuntimeException e) {
      HttpResponses.refused(ctx, 400, e.getMessage(), keepAlive, null);
      return;
    }
    ctx.channel().config().setAutoRead(false);
    CompletableFuture.supplyAsync(this::readStatus, readers).whenCompleteAsync((answer, failure) -> {
      ApiAnswer sent = failure == null ? answer : ApiAnswer.refused(503, "standby cannot read the stored state: "
          + failure.getMessage());
      HttpResponses.json(ctx, sent, keepAlive).addListener((ChannelFutureListener) f -> {
        if (f.channel().isActive()) {
          f.channel().config().setAutoRead(true);
        }
      });
    }, ctx.executor());
  }

  private ApiAnswer readStatus() {
    try {
      ClusterState state = setup.stored().read().orElseGet(() -> ClusterState.initial(NO_SECRET));
      return ApiAnswer.ok("", setup.views().status(state, Optional.empty()));
    } catch (Exception e) {
      LOG.warn("standby: cannot read the stored state for a status request: {}", e.toString());
      return ApiAnswer.refused(503, "this scheduler stands by and cannot read the stored state: " + e.getMessage());
    }
  }

  private void toLeader(ChannelHandlerContext ctx, String uri, HttpMethod method, boolean keepAlive) {
    Optional<String> leader = setup.leader().get().filter(url -> !url.equals(setup.ownUrl()));
    if (leader.isEmpty()) {
      String why = setup.leader().get().isPresent()
          ? "leadership is changing: this scheduler is taking over or has just stepped down, "
              + "and does not act"
          : "no leading scheduler is known in " + setup.election()
              + " (the leader's ZooKeeper session may just have ended; a standby takes over within the session timeout)";
      LOG.info("standby: {} {} answered 503: {}", method, uri, why);
      HttpResponses.refused(ctx, 503, why + "; retry shortly", keepAlive, null);
      return;
    }
    String location = leader.get() + uri;
    String message = "this scheduler stands by; the leader's API is " + leader.get() + ": repeat the request there";
    LOG.info("standby: {} {} redirected to {}", method, uri, location);
    byte[] body = ApiAnswer.refused(307, message).json().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.TEMPORARY_REDIRECT, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.LOCATION, location)
        .set(HttpHeaderNames.CONTENT_TYPE, HttpResponses.JSON).set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    HttpUtil.setKeepAlive(response, keepAlive);
    var sent = ctx.writeAndFlush(response);
    if (!keepAlive) {
      sent.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("standby API connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
