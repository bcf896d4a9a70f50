package org.exhibitormesos.mesos.local.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.executor.Protos.Call;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.local.master.Master;

/** One agent's executor API: {@code /api/v1/executor} and {@code /slave(1)/api/v1/executor}. */
public final class ExecutorApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LogManager.getLogger(ExecutorApiHandler.class);
  private final Master master;
  private final int agent;

  public ExecutorApiHandler(Master master, int agent) {
    this.master = master;
    this.agent = agent;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!path.equals(MesosHttp.EXECUTOR_PATH) && !path.equals("/slave(1)" + MesosHttp.EXECUTOR_PATH)) {
      HttpResponses.send(ctx.channel(), 404, "No such endpoint: " + path, !keepAlive);
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
      } else if (call.getType() == Call.Type.UNKNOWN) {
        throw new MediaTypes.Rejection(501, "Received an unknown call type");
      }
    } catch (MediaTypes.Rejection r) {
      LOG.debug("executor call rejected: {} {}", r.status(), r.getMessage());
      HttpResponses.send(ctx.channel(), r.status(), r.getMessage(), !keepAlive);
      return;
    }
    if (streamType != null) {
      master.executorSubscribe(agent, call, new RecordStreamResponse(ctx.channel(), streamType));
      return;
    }
    master.executorCall(agent, call).whenComplete((answer, error) -> {
      if (error != null) {
        HttpResponses.send(ctx.channel(), 503, "Agent is shutting down", true);
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
