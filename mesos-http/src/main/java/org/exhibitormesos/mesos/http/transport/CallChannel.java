package org.exhibitormesos.mesos.http.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * A keep-alive HTTP/1.1 connection that sends requests one at a time, in submission order, so calls
 * are processed by Mesos in the order they were made. Connects lazily and reconnects when the
 * connection drops; a request is never resent automatically (the caller decides).
 *
 * <p>Thread safe. All state lives on one Netty event loop; returned futures complete on it, so
 * dependants should use an {@code *Async} stage with their own executor.
 */
public final class CallChannel implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(CallChannel.class);
  private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  private final EventLoop loop;
  private final HostAndPort target;
  private final Duration connectTimeout;
  private final Duration callTimeout;
  private final Queue<Pending> queue = new ArrayDeque<>();
  private Pending inFlight;
  private Channel channel;
  private boolean connecting;
  private boolean closed;

  private record Pending(FullHttpRequest request, CompletableFuture<HttpReply> reply,
      ScheduledFuture<?>[] timeout) {}

  /**
   * Does no I/O; the first {@link #post} connects.
   *
   * @param callTimeout how long one request may wait for its response once written; on expiry
   *     the request fails with {@link TimeoutException} and the connection is dropped
   */
  public CallChannel(EventLoopGroup group, HostAndPort target, Duration connectTimeout,
      Duration callTimeout) {
    this.loop = group.next();
    this.target = target;
    this.connectTimeout = connectTimeout;
    this.callTimeout = callTimeout;
  }

  /** The server this channel talks to. */
  public HostAndPort target() {
    return target;
  }

  /**
   * Queues {@code request} (ownership passes to this channel). The future completes with the
   * response, whatever its status, or fails with an {@link IOException} (connection failure or
   * drop), a {@link TimeoutException}, or an {@link IllegalStateException} once closed.
   */
  public CompletableFuture<HttpReply> post(FullHttpRequest request) {
    CompletableFuture<HttpReply> reply = new CompletableFuture<>();
    loop.execute(() -> {
      if (closed) {
        ReferenceCountUtil.release(request);
        reply.completeExceptionally(new IllegalStateException("call channel to " + target
            + " is closed"));
        return;
      }
      queue.add(new Pending(request, reply, new ScheduledFuture<?>[1]));
      pump();
    });
    return reply;
  }

  /** Fails queued and in-flight requests and closes the connection. Idempotent. */
  @Override
  public void close() {
    loop.execute(() -> {
      if (closed) {
        return;
      }
      closed = true;
      IOException cause = new IOException("call channel to " + target + " closed");
      failInFlight(cause);
      failQueued(cause);
      if (channel != null) {
        channel.close();
        channel = null;
      }
    });
  }

  private void pump() {
    if (closed || inFlight != null || queue.isEmpty()) {
      return;
    }
    if (channel == null || !channel.isActive()) {
      connect();
      return;
    }
    Pending next = queue.poll();
    inFlight = next;
    next.timeout()[0] = loop.schedule(() -> onTimeout(next), callTimeout.toMillis(),
        TimeUnit.MILLISECONDS);
    Channel ch = channel;
    ch.writeAndFlush(next.request()).addListener((ChannelFuture f) -> {
      if (!f.isSuccess() && inFlight == next) {
        failInFlight(new IOException("writing to " + target + " failed", f.cause()));
        ch.close();
      }
    });
  }

  private void connect() {
    if (connecting) {
      return;
    }
    connecting = true;
    Bootstrap bootstrap = new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(),
                new HttpObjectAggregator(MAX_RESPONSE_BYTES), new ReplyHandler());
          }
        });
    bootstrap.connect(target.host(), target.port()).addListener((ChannelFuture f) -> {
      connecting = false;
      if (closed) {
        f.channel().close();
        return;
      }
      if (!f.isSuccess()) {
        // Without a connection nothing queued can be sent; let the callers decide about retries.
        failQueued(new IOException("cannot connect to " + target, f.cause()));
        return;
      }
      LOG.debug("call connection to {} open", target);
      channel = f.channel();
      pump();
    });
  }

  private void onTimeout(Pending pending) {
    if (inFlight != pending) {
      return;
    }
    failInFlight(new TimeoutException("no response from " + target + " within " + callTimeout));
    // The late response would be taken for the next request's: drop the connection.
    if (channel != null) {
      channel.close();
      channel = null;
    }
    pump();
  }

  private void failInFlight(Throwable cause) {
    Pending p = inFlight;
    if (p != null) {
      inFlight = null;
      cancelTimeout(p);
      releaseUnsent(p.request());
      p.reply().completeExceptionally(cause);
    }
  }

  private void failQueued(Throwable cause) {
    Pending p;
    while ((p = queue.poll()) != null) {
      releaseUnsent(p.request());
      p.reply().completeExceptionally(cause);
    }
  }

  /** Netty releases a request once written; release only those that never reached the pipeline. */
  private static void releaseUnsent(FullHttpRequest request) {
    if (request.refCnt() > 0) {
      request.release();
    }
  }

  private static void cancelTimeout(Pending p) {
    ScheduledFuture<?> t = p.timeout()[0];
    if (t != null) {
      t.cancel(false);
    }
  }

  private final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      Pending p = inFlight;
      if (p == null || ctx.channel() != channel) {
        LOG.debug("dropping unexpected response {} from {}", response.status(), target);
        return;
      }
      inFlight = null;
      cancelTimeout(p);
      HttpReply reply = new HttpReply(response.status().code(),
          response.headers().get(HttpHeaderNames.LOCATION),
          response.content().toString(StandardCharsets.UTF_8));
      if (!HttpUtil.isKeepAlive(response)) {
        ctx.close();
        channel = null;
      }
      p.reply().complete(reply);
      pump();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (ctx.channel() == channel) {
        channel = null;
        failInFlight(new IOException("connection to " + target + " closed before the response"));
        pump();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("call connection to {} failed", target, cause);
      ctx.close();
    }
  }
}
