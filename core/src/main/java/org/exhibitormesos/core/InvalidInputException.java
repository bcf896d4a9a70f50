package org.exhibitormesos.core;

/**
 * Operator input (a flag, a query parameter, a CLI argument) that a core parser rejected.
 *
 * <p>The message is meant to be shown to the operator as is: it quotes the rejected input, names the
 * bad part and lists the accepted forms. It extends {@link IllegalArgumentException} so callers that
 * only care about "bad argument" need not know this type; the shell catches it to answer with a
 * 400 / {@code Error: <message>} instead of a stack trace.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message the complete operator-facing explanation; never null */
  public InvalidInputException(String message) {
    super(message);
  }
}
