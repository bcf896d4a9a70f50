package org.exhibitormesos.mesos.http.scheduler;

import java.util.Objects;

/**
 * Why a subscription ended or a subscription attempt failed.
 *
 * @param kind the category, for decisions
 * @param detail human-readable specifics (status, body, exception message), for logs
 */
public record Disconnect(Kind kind, String detail) {
  /** Closed set of reasons. */
  public enum Kind {
    /** TCP connect failed or the connection dropped. */
    CONNECTION_FAILED,
    /** The master answered SUBSCRIBE with an unexpected HTTP status (503, 401, 400, ...). */
    REJECTED,
    /** The master ended the stream. */
    STREAM_CLOSED,
    /** No event (heartbeats included) for the allowed number of heartbeat intervals. */
    HEARTBEAT_TIMEOUT,
    /** The master sent an ERROR event; the stream is abandoned. */
    ERROR_EVENT,
    /** The detector reported a different leader. */
    LEADER_CHANGED,
    /** A call was answered 403: the master no longer knows this subscription. */
    NOT_SUBSCRIBED,
    /** The stream violated the protocol (missing stream id, bad RecordIO or protobuf). */
    PROTOCOL_ERROR
  }

  public Disconnect {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + ": " + detail;
  }
}
