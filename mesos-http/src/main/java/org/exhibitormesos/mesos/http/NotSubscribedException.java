package org.exhibitormesos.mesos.http;

/** A call was attempted while the client has no live subscription (no stream id to send). */
public final class NotSubscribedException extends IllegalStateException {
  public NotSubscribedException(String message) {
    super(message);
  }
}
