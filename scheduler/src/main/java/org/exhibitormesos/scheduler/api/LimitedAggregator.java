package org.exhibitormesos.scheduler.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates a request into one message, up to a body size limit; a larger body is answered with
 * 413 and a JSON refusal (instead of Netty's empty one), then discarded.
 */
final class LimitedAggregator extends HttpObjectAggregator {
  private final int maxBodyBytes;

  LimitedAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    // Keep the connection only when the client can still read an answer after its body: the
    // aggregator discards the rest of the body, so a kept-alive connection stays usable.
    boolean keepAlive = HttpUtil.isKeepAlive(oversized) && !HttpUtil.is100ContinueExpected(oversized);
    HttpResponses.refused(ctx, 413, "request body too large: the limit is " + maxBodyBytes + " bytes", keepAlive,
        null);
  }
}
