package org.exhibitormesos.mesos.http.transport;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.MesosHttp;

/** Builds the POST requests Mesos expects: protobuf body, exact content type and accept headers. */
public final class ProtobufRequests {
  private ProtobufRequests() {}

  /**
   * A POST of {@code body} to {@code path} on {@code target} with {@code Content-Type} and
   * {@code Accept} set to exactly {@value MesosHttp#PROTOBUF} plus the given extra headers.
   */
  public static FullHttpRequest post(
      HostAndPort target, String path, byte[] body, Map<String, String> extraHeaders) {
    FullHttpRequest request = new DefaultFullHttpRequest(
        HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(body));
    request.headers()
        .set(HttpHeaderNames.HOST, target.toString())
        .set(HttpHeaderNames.CONTENT_TYPE, MesosHttp.PROTOBUF)
        .set(HttpHeaderNames.ACCEPT, MesosHttp.PROTOBUF)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    extraHeaders.forEach(request.headers()::set);
    return request;
  }
}
