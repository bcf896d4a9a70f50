package org.exhibitormesos.mesos.local.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.local.FaultInjection;
import org.exhibitormesos.mesos.local.master.Master;

/**
 * The master's HTTP endpoints: the scheduler API ({@code /api/v1/scheduler} and
 * {@code /master/api/v1/scheduler}), {@code GET /state} and {@code POST /faults/...}. Parses and
 * routes; the master's state loop decides.
 */
public final class SchedulerApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LogManager.getLogger(SchedulerApiHandler.class);
  private final Master master;
  private final FaultRoutes faults;
  private final BasicAuth auth;

  public SchedulerApiHandler(Master master, FaultInjection faults, ExecutorService blocking,
      BasicAuth auth) {
    this.master = master;
    this.faults = new FaultRoutes(faults, blocking);
    this.auth = auth;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (path.equals(MesosHttp.SCHEDULER_PATH) || path.equals(MesosHttp.MASTER_SCHEDULER_PATH)) {
      scheduler(ctx, request, keepAlive);
    } else if (path.equals("/state") || path.equals("/master/state")) {
      if (!request.method().equals(HttpMethod.GET)) {
        HttpResponses.send(ctx.channel(), 405, "Expecting GET", !keepAlive);
        return;
      }
      HttpResponses.send(ctx.channel(), 200, master.stateJson().toString(), MesosHttp.JSON,
          !keepAlive);
    } else if (path.startsWith("/faults/")) {
      faults.handle(ctx.channel(), request, path, keepAlive);
    } else {
      HttpResponses.send(ctx.channel(), 404, "No such endpoint: " + path, !keepAlive);
    }
  }

  private void scheduler(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
    Optional<String> principal;
    try {
      principal = auth.authenticate(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    } catch (BasicAuth.Unauthorized e) {
      HttpResponses.unauthorized(ctx.channel(), BasicAuth.REALM, e.getMessage(), !keepAlive);
      return;
    }
    if (!request.method().equals(HttpMethod.POST)) {
      HttpResponses.send(ctx.channel(), 405, "Expecting one of { 'POST' }, but received '"
          + request.method() + "'", !keepAlive);
      return;
    }
    Call call;
    String streamType = null;
    try {
      String contentType = MediaTypes.contentType(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
      byte[] body = new byte[request.content().readableBytes()];
      request.content().readBytes(body);
      call = MediaTypes.decode(body, contentType, Call.getDefaultInstance());
      if (call.getType() == Call.Type.SUBSCRIBE) {
        streamType = MediaTypes.negotiate(request.headers().get(HttpHeaderNames.ACCEPT));
      }
    } catch (MediaTypes.Rejection r) {
      LOG.debug("scheduler call rejected: {} {}", r.status(), r.getMessage());
      HttpResponses.send(ctx.channel(), r.status(), r.getMessage(), !keepAlive);
      return;
    }
    var streamId = MediaTypes.header(request.headers(), MesosHttp.STREAM_ID_HEADER);
    if (streamType != null) {
      Optional<String> invalid = BasicAuth.principalMismatch(principal, call);
      if (invalid.isPresent()) {
        HttpResponses.send(ctx.channel(), 400, invalid.get(), !keepAlive);
        return;
      }
      master.subscribe(BasicAuth.withPrincipal(principal, call), streamId,
          new RecordStreamResponse(ctx.channel(), streamType));
      return;
    }
    master.call(call, streamId, principal).whenComplete((answer, error) -> {
      if (error != null) {
        HttpResponses.send(ctx.channel(), 503, "Master is shutting down", true);
      } else {
        HttpResponses.send(ctx.channel(), answer.status(), answer.body(), !keepAlive);
      }
    });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection error", cause);
    ctx.close();
  }
}
