package org.exhibitormesos.scheduler.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;

/**
 * Routes one HTTP request: {@code /health}, the artifact routes, and the control API routes, which
 * it hands to {@link ControlApi} and answers when the answer is ready, without blocking its event
 * loop. Reading pauses while an answer is pending, so pipelined requests are answered in order.
 * Shared by all channels; thread-safe.
 */
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String HEALTH = "/health";

  private static final Logger LOG = LogManager.getLogger(HttpApiHandler.class);

  private final ControlApi api;
  private final ArtifactServer artifacts;

  HttpApiHandler(ControlApi api, ArtifactServer artifacts) {
    this.api = api;
    this.artifacts = artifacts;
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
    boolean getOrHead = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    Optional<String> artifact = artifacts.rawName(path);
    if (HEALTH.equals(path)) {
      if (getOrHead) {
        HttpResponses.send(ctx, HttpResponseStatus.OK, HttpResponses.TEXT, "ok", keepAlive, null);
      } else {
        wrongMethod(ctx, path, method, "GET, HEAD", keepAlive);
      }
    } else if (artifact.isPresent()) {
      if (getOrHead) {
        artifacts.serve(ctx, request, artifact.get());
      } else {
        wrongMethod(ctx, path, method, "GET, HEAD", keepAlive);
      }
    } else if (ApiRoutes.ALL.contains(path)) {
      if (HttpMethod.GET.equals(method) || HttpMethod.POST.equals(method)) {
        control(ctx, request, path, keepAlive);
      } else {
        wrongMethod(ctx, path, method, "GET, POST", keepAlive);
      }
    } else {
      HttpResponses.refused(ctx, 404, "unknown route '" + path + "'; routes: " + String.join(", ", ApiRoutes.ALL)
          + ", " + HEALTH + ", " + ArtifactServer.PREFIX + "<name>", keepAlive, null);
    }
  }

  private void control(ChannelHandlerContext ctx, FullHttpRequest request, String route, boolean keepAlive) {
    Map<String, String> parameters;
    try {
      parameters = RequestParameters.read(request);
    } catch (ApiRequestException e) {
      LOG.info("{} refused ({}): {}", route, e.status(), e.getMessage());
      HttpResponses.refused(ctx, e.status(), e.getMessage(), keepAlive, null);
      return;
    }
    ctx.channel().config().setAutoRead(false);
    api.handle(route, parameters).whenCompleteAsync((answer, failure) -> {
      // handle() never fails; a failure here is a bug in it, still answered.
      ApiAnswer sent = failure == null ? answer : ApiErrors.answer(route, failure);
      HttpResponses.json(ctx, sent, keepAlive).addListener((ChannelFutureListener) f -> {
        if (f.channel().isActive()) {
          f.channel().config().setAutoRead(true);
        }
      });
    }, ctx.executor());
  }

  private static void wrongMethod(ChannelHandlerContext ctx, String path, HttpMethod method, String allowed,
      boolean keepAlive) {
    HttpResponses.refused(ctx, 405, "method " + method + " is not allowed on " + path + "; allowed: " + allowed,
        keepAlive, allowed);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("API connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
