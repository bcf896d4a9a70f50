package org.exhibitormesos.storage.zk;

/** What happened to the shared ZooKeeper session, as told to {@link ZkSession.Listener}s. */
public enum SessionEvent {
  /** A new session is established: the first one, or the replacement of an expired one. */
  CONNECTED,
  /** The connection is lost; the session may survive if it comes back within its timeout. */
  DISCONNECTED,
  /** The connection is back and the session survived: ephemeral nodes and watches are intact. */
  RECONNECTED,
  /**
   * The session is gone: its ephemeral nodes are deleted and anything held through it (leadership)
   * is lost. A new session is being established; {@link #CONNECTED} follows when it is.
   */
  EXPIRED
}
