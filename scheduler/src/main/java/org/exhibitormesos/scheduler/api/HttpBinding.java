package org.exhibitormesos.scheduler.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Binds one HTTP listener the way every API server of the scheduler does: HTTP codec, a body
 * aggregator that refuses bodies over the settings' limit with 413, then the given handler, on the
 * settings' explicit host and port. Used by the leader's {@link ApiServer} and the standby's
 * {@link StandbyApi}.
 */
final class HttpBinding {

  private HttpBinding() {}

  /**
   * @param what names the listener in the error, e.g. "the API"
   * @return the bound server channel
   * @throws IOException if the address cannot be bound (in use, not local); the caller closes its groups
   */
  static Channel bind(EventLoopGroup boss, EventLoopGroup workers, ApiServer.Settings settings, String what,
      ChannelHandler handler) throws IOException {
    ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("http", new HttpServerCodec())
                .addLast("aggregate", new LimitedAggregator(settings.maxBodyBytes()))
                .addLast("handler", handler);
          }
        });
    ChannelFuture bound = bootstrap.bind(new InetSocketAddress(settings.host(), settings.port()))
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new IOException("cannot bind " + what + " to " + settings.host() + ":" + settings.port() + ": "
          + bound.cause().getMessage(), bound.cause());
    }
    return bound.channel();
  }
}
