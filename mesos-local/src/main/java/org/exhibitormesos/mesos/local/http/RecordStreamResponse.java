package org.exhibitormesos.mesos.local.http;

import com.google.protobuf.Message;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.recordio.RecordIO;
import org.exhibitormesos.mesos.local.master.ExecutorStream;
import org.exhibitormesos.mesos.local.master.SchedulerStream;

/**
 * A long-lived chunked response of RecordIO records on one connection, one flushed chunk per
 * event. Serves both APIs. Thread safe (Netty serialises channel writes).
 */
final class RecordStreamResponse implements SchedulerStream, ExecutorStream {
  private final Channel channel;
  private final String recordType;
  private final AtomicBoolean opened = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  RecordStreamResponse(Channel channel, String recordType) {
    this.channel = channel;
    this.recordType = recordType;
  }

  @Override
  public void open(String streamId) {
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, recordType)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    if (streamId != null) {
      response.headers().set(MesosHttp.STREAM_ID_HEADER, streamId);
    }
    if (opened.compareAndSet(false, true)) {
      channel.writeAndFlush(response);
    }
  }

  @Override
  public void open() {
    open(null);
  }

  private void write(Message event) {
    if (!opened.get() || closed.get()) {
      return;
    }
    byte[] record = RecordIO.encode(MediaTypes.encode(event, recordType));
    channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(record)));
  }

  @Override
  public void send(org.apache.mesos.v1.scheduler.Protos.Event event) {
    write(event);
  }

  @Override
  public void send(org.apache.mesos.v1.executor.Protos.Event event) {
    write(event);
  }

  @Override
  public void reject(int status, String message) {
    if (opened.compareAndSet(false, true)) {
      HttpResponses.send(channel, status, message, true);
    }
    closed.set(true);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (opened.get()) {
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        channel.close();
      }
    }
  }

  @Override
  public void onClosed(Runnable action) {
    channel.closeFuture().addListener(f -> action.run());
  }
}
