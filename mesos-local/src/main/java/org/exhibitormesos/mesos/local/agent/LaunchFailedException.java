package org.exhibitormesos.mesos.local.agent;

/** Fetching or starting an executor failed; the message says why (goes into the task updates). */
public final class LaunchFailedException extends Exception {
  public LaunchFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
