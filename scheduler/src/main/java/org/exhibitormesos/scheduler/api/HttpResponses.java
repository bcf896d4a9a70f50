package org.exhibitormesos.scheduler.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes whole responses; closes the connection after them unless it is kept alive. */
final class HttpResponses {
  static final String JSON = "application/json; charset=UTF-8";
  static final String TEXT = "text/plain; charset=UTF-8";

  private HttpResponses() {}

  /** The API answer as JSON. */
  static ChannelFuture json(ChannelHandlerContext ctx, ApiAnswer answer, boolean keepAlive) {
    return send(ctx, HttpResponseStatus.valueOf(answer.status()), JSON, answer.json(), keepAlive, null);
  }

  /** A refusal as JSON, with an {@code Allow} header when {@code allow} is not null. */
  static ChannelFuture refused(ChannelHandlerContext ctx, int status, String message, boolean keepAlive,
      String allow) {
    return send(ctx, HttpResponseStatus.valueOf(status), JSON, ApiAnswer.refused(status, message).json(), keepAlive,
        allow);
  }

  static ChannelFuture send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body,
      boolean keepAlive, String allow) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, type).set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    if (allow != null) {
      response.headers().set(HttpHeaderNames.ALLOW, allow);
    }
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture sent = ctx.writeAndFlush(response);
    if (!keepAlive) {
      sent.addListener(ChannelFutureListener.CLOSE);
    }
    return sent;
  }
}
