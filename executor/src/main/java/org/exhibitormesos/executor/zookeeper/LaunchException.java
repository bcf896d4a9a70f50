package org.exhibitormesos.executor.zookeeper;

/** A task cannot be launched; the message says why, for the TASK_FAILED update. */
public final class LaunchException extends Exception {
  public LaunchException(String message) {
    super(message);
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
