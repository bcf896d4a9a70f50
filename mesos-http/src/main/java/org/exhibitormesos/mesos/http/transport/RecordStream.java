package org.exhibitormesos.mesos.http.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.recordio.RecordIODecoder;
import org.exhibitormesos.mesos.http.recordio.RecordIOException;

/**
 * One POST on its own connection whose {@code 200} response is a long-lived chunked body of
 * RecordIO records (a Mesos SUBSCRIBE stream).
 *
 * <p>Callbacks run on the connection's Netty event loop, in order, and must not block. Exactly one
 * terminal callback ({@link Handler#onRejected} or {@link Handler#onClosed}) is delivered, unless
 * {@link #close()} was called first. {@link #open} and {@link #close()} are thread safe.
 */
public final class RecordStream implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(RecordStream.class);
  private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  /** Receives what the stream produces. */
  public interface Handler {
    /** The server answered {@code 200}; records follow. */
    void onOpen(HttpHeaders headers);

    /** One decoded record, in stream order. */
    void onRecord(byte[] record);

    /** Terminal: the server answered with a status other than {@code 200}. */
    void onRejected(HttpReply reply);

    /** Terminal: connection failed, stream ended, or the bytes were not valid RecordIO. */
    void onClosed(Throwable cause);
  }

  private final HostAndPort target;
  private final Handler handler;
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile Channel channel;

  private RecordStream(HostAndPort target, Handler handler) {
    this.target = target;
    this.handler = handler;
  }

  /**
   * Connects to {@code target} and sends {@code request} (ownership of the request passes to this
   * method). Returns immediately; the outcome arrives through {@code handler}.
   */
  public static RecordStream open(EventLoopGroup group, HostAndPort target, FullHttpRequest request,
      int maxRecordBytes, Duration connectTimeout, Handler handler) {
    RecordStream stream = new RecordStream(target, handler);
    Bootstrap bootstrap = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(),
                stream.new StreamHandler(new RecordIODecoder(maxRecordBytes)));
          }
        });
    ChannelFuture connect = bootstrap.connect(target.host(), target.port());
    stream.channel = connect.channel();
    connect.addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        ReferenceCountUtil.release(request);
        stream.finish(() -> handler.onClosed(f.cause()));
        return;
      }
      LOG.debug("stream connection to {} open, sending {} {}", target, request.method(),
          request.uri());
      f.channel().writeAndFlush(request).addListener((ChannelFuture w) -> {
        if (!w.isSuccess()) {
          stream.finish(() -> handler.onClosed(w.cause()));
          w.channel().close();
        }
      });
    });
    return stream;
  }

  /** The server this stream was opened to. */
  public HostAndPort target() {
    return target;
  }

  /** Closes the connection; no further callbacks are started. Idempotent. */
  @Override
  public void close() {
    finished.set(true);
    Channel ch = channel;
    if (ch != null) {
      ch.close();
    }
  }

  private void finish(Runnable terminal) {
    if (finished.compareAndSet(false, true)) {
      terminal.run();
    }
  }

  private final class StreamHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final RecordIODecoder decoder;
    private boolean streaming;
    private int status;
    private String location;
    private ByteBuf errorBody;

    StreamHandler(RecordIODecoder decoder) {
      this.decoder = decoder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (finished.get()) {
        return;
      }
      if (msg instanceof HttpResponse response) {
        status = response.status().code();
        if (status == 200) {
          streaming = true;
          handler.onOpen(response.headers());
        } else {
          location = response.headers().get(HttpHeaderNames.LOCATION);
          errorBody = ctx.alloc().buffer();
        }
      }
      if (msg instanceof HttpContent content) {
        if (streaming) {
          List<byte[]> records;
          try {
            records = decoder.feed(content.content());
          } catch (RecordIOException e) {
            finish(() -> handler.onClosed(e));
            ctx.close();
            return;
          }
          for (byte[] record : records) {
            if (finished.get()) {
              return;
            }
            handler.onRecord(record);
          }
        } else if (errorBody != null) {
          ByteBuf in = content.content();
          int room = MAX_ERROR_BODY_BYTES - errorBody.readableBytes();
          errorBody.writeBytes(in, Math.min(room, in.readableBytes()));
        }
        if (msg instanceof LastHttpContent) {
          if (streaming) {
            finish(() -> handler.onClosed(new IOException("stream from " + target + " ended")));
          } else {
            String body = errorBody.toString(StandardCharsets.UTF_8);
            finish(() -> handler.onRejected(new HttpReply(status, location, body)));
          }
          ctx.close();
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      release();
      finish(() -> handler.onClosed(new IOException(streaming
          ? "stream connection to " + target + " closed"
          : "connection to " + target + " closed before a response")));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      finish(() -> handler.onClosed(cause));
      ctx.close();
    }

    private void release() {
      if (errorBody != null) {
        errorBody.release();
        errorBody = null;
      }
    }
  }
}
