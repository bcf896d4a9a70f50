package org.exhibitormesos.mesos.local.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;
import java.util.function.Supplier;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.MesosHttp;

/**
 * A standby (non-leading) master: scheduler calls are answered {@code 307} with a
 * protocol-relative {@code Location: //<leader>:<port><path>} (or {@code 503} when no leader is
 * known), and {@code GET /redirect} points at the leader, as {@code Master::Http::redirect} does.
 */
public final class StandbyHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final Supplier<Optional<HostAndPort>> leader;

  public StandbyHandler(Supplier<Optional<HostAndPort>> leader) {
    this.leader = leader;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean scheduler = path.equals(MesosHttp.SCHEDULER_PATH)
        || path.equals(MesosHttp.MASTER_SCHEDULER_PATH);
    if (!scheduler && !path.equals("/redirect") && !path.equals("/master/redirect")) {
      HttpResponses.send(ctx.channel(), 404, "No such endpoint: " + path, !keepAlive);
      return;
    }
    Optional<HostAndPort> at = leader.get();
    if (at.isEmpty()) {
      HttpResponses.send(ctx.channel(), 503, "No leader elected", !keepAlive);
      return;
    }
    String location = "//" + at.get() + (scheduler ? path : "");
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.TEMPORARY_REDIRECT, Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.LOCATION, location)
        .set(HttpHeaderNames.CONTENT_LENGTH, 0);
    if (keepAlive) {
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
