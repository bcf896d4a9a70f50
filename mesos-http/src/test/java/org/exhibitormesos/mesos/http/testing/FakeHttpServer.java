package org.exhibitormesos.mesos.http.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.recordio.RecordIO;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 and a free port for client tests: records every request
 * and lets the test answer it with a plain response or a chunked RecordIO stream. Routes run on
 * the server's event loop and must not block.
 */
public final class FakeHttpServer implements AutoCloseable {
  /** Decides how to answer one request. */
  @FunctionalInterface
  public interface Route {
    void handle(Exchange exchange) throws Exception;
  }

  /** A received request; {@code connection} identifies the TCP connection it came on. */
  public record Request(String method, String path, HttpHeaders headers, byte[] body,
      String connection) {}

  private final EventLoopGroup group =
      new NioEventLoopGroup(1, new DefaultThreadFactory("fake-http", true));
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final Route route;
  private Channel server;

  private FakeHttpServer(Route route) {
    this.route = route;
  }

  /** Binds 127.0.0.1 on a free port. */
  public static FakeHttpServer start(Route route) throws InterruptedException {
    FakeHttpServer s = new FakeHttpServer(route);
    s.server = new ServerBootstrap()
        .group(s.group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            s.channels.add(ch);
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                s.new Handler());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    s.channels.add(s.server);
    return s;
  }

  public HostAndPort address() {
    return new HostAndPort("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort());
  }

  /** Every request received so far, in arrival order. */
  public BlockingQueue<Request> requests() {
    return requests;
  }

  /** Closes every connection but keeps listening (like a restarted peer's dropped sockets). */
  public void dropConnections() {
    channels.stream().filter(c -> c != server).forEach(Channel::close);
  }

  @Override
  public void close() {
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** One request and the means to answer it. */
  public static final class Exchange {
    private final Request request;
    private final Channel channel;

    Exchange(Request request, Channel channel) {
      this.request = request;
      this.channel = channel;
    }

    public Request request() {
      return request;
    }

    /** A complete response; the connection stays open (keep-alive). */
    public void respond(int status, Map<String, String> headers, String body) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.valueOf(status),
          Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
      headers.forEach(response.headers()::set);
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      channel.writeAndFlush(response);
    }

    /** Starts a {@code 200} chunked protobuf stream with the given extra headers. */
    public Stream stream(Map<String, String> headers) {
      HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, MesosHttp.PROTOBUF)
          .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      headers.forEach(response.headers()::set);
      channel.writeAndFlush(response);
      return new Stream(channel);
    }
  }

  /** The server side of a RecordIO stream; thread safe. */
  public static final class Stream {
    private final Channel channel;

    Stream(Channel channel) {
      this.channel = channel;
    }

    /** Sends one record, RecordIO-framed, as its own chunk. */
    public void send(byte[] payload) {
      channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(RecordIO.encode(payload))));
    }

    /** Ends the chunked body cleanly and closes the connection. */
    public void end() {
      channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(ChannelFutureListener.CLOSE);
    }

    /** Drops the connection without ending the body. */
    public void abort() {
      channel.close();
    }

    public boolean isOpen() {
      return channel.isActive();
    }
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) throws Exception {
      Request request = new Request(msg.method().name(), msg.uri(), msg.headers().copy(),
          ByteBufUtil.getBytes(msg.content()), ctx.channel().id().asShortText());
      requests.add(request);
      route.handle(new Exchange(request, ctx.channel()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
