package org.exhibitormesos.core;

/**
 * Input an operator, a client or a file gave that is not in an accepted form; the message names the
 * bad part and the accepted forms.
 */
public class InvalidInputException extends IllegalArgumentException {
  public InvalidInputException(String message) {
    super(message);
  }
}
