package org.exhibitormesos.cli;

/** The command line cannot be carried out as typed; the message names the bad part. Exit code 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
