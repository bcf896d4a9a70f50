package org.exhibitormesos.cli;

/** The scheduler did not answer. Exit code 3. */
final class ApiUnreachableException extends Exception {
  /**
   * @param url what was called
   * @param cause why there was no answer, for operators: {@code connection refused}, ...
   */
  ApiUnreachableException(String url, String cause) {
    super("cannot reach the scheduler at " + url + ": " + cause);
  }
}
