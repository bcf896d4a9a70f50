package org.exhibitormesos.mesos.local.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Plain (non-streaming) responses: a status and a text or JSON body. */
final class HttpResponses {
  private HttpResponses() {}

  static void send(Channel channel, int status, String body, boolean close) {
    send(channel, status, body, "text/plain; charset=utf-8", close);
  }

  /** 401 with {@code WWW-Authenticate: Basic realm="..."}. */
  static void unauthorized(Channel channel, String realm, String body, boolean close) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.UNAUTHORIZED, Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
    if (close) {
      channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.writeAndFlush(response);
    }
  }

  static void send(Channel channel, int status, String body, String contentType, boolean close) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    if (bytes.length > 0) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    if (close) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.writeAndFlush(response);
    }
  }
}
