package org.exhibitormesos.mesos.http.transport;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Moves {@link RecordStream} callbacks off the Netty event loop onto a client's own (single)
 * thread, dropping them once {@code current} says the stream has been superseded. Callbacks
 * submitted after the executor shut down are dropped.
 */
public final class SerialStreamHandler implements RecordStream.Handler {
  private final Executor executor;
  private final BooleanSupplier current;
  private final Consumer<HttpHeaders> onOpen;
  private final Consumer<byte[]> onRecord;
  private final Consumer<HttpReply> onRejected;
  private final Consumer<Throwable> onClosed;

  /**
   * @param current evaluated on {@code executor} before each callback; false drops the callback
   */
  public SerialStreamHandler(Executor executor, BooleanSupplier current,
      Consumer<HttpHeaders> onOpen, Consumer<byte[]> onRecord, Consumer<HttpReply> onRejected,
      Consumer<Throwable> onClosed) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.current = Objects.requireNonNull(current, "current");
    this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
    this.onRecord = Objects.requireNonNull(onRecord, "onRecord");
    this.onRejected = Objects.requireNonNull(onRejected, "onRejected");
    this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
  }

  @Override
  public void onOpen(HttpHeaders headers) {
    run(() -> onOpen.accept(headers));
  }

  @Override
  public void onRecord(byte[] record) {
    run(() -> onRecord.accept(record));
  }

  @Override
  public void onRejected(HttpReply reply) {
    run(() -> onRejected.accept(reply));
  }

  @Override
  public void onClosed(Throwable cause) {
    run(() -> onClosed.accept(cause));
  }

  private void run(Runnable callback) {
    try {
      executor.execute(() -> {
        if (current.getAsBoolean()) {
          callback.run();
        }
      });
    } catch (RejectedExecutionException e) {
      // The owner is shutting down; nothing left to tell.
    }
  }
}
