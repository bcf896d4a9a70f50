package org.exhibitormesos.mesos.local.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * A Netty HTTP/1.1 server bound to one explicit address. Requests are aggregated (calls are small)
 * and handed to a fresh handler per connection. {@link #close()} closes the listening socket and
 * every open connection (so streams end, like a crashed process). Not restartable; make a new one.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(HttpServer.class);
  private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  private final String name;
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private Channel listener;
  private HostAndPort bound;

  public HttpServer(String name, EventLoopGroup group) {
    this.name = name;
    this.group = group;
  }

  /**
   * Binds {@code address:port} (port 0 = a free one).
   *
   * @throws IOException if the address cannot be bound
   */
  public synchronized HostAndPort start(String address, int port,
      Supplier<ChannelHandler> handlers) throws IOException {
    if (listener != null) {
      throw new IllegalStateException(name + " already started");
    }
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            channels.add(ch);
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                handlers.get());
          }
        });
    try {
      listener = b.bind(new InetSocketAddress(address, port)).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding " + address + ":" + port, e);
    } catch (Exception e) {
      throw new IOException(name + ": cannot bind " + address + ":" + port + ": " + e.getMessage(),
          e);
    }
    InetSocketAddress local = (InetSocketAddress) listener.localAddress();
    bound = new HostAndPort(address, local.getPort());
    LOG.info("{} listening on http://{}", name, bound);
    return bound;
  }

  public synchronized HostAndPort address() {
    return bound;
  }

  @Override
  public synchronized void close() {
    if (listener == null) {
      return;
    }
    listener.close().awaitUninterruptibly();
    channels.close().awaitUninterruptibly();
    listener = null;
    LOG.info("{} on {} stopped", name, bound);
  }
}
