package org.exhibitormesos.cli;

import java.util.Objects;

/**
 * What the scheduler answered, before it is read.
 *
 * @param statusCode the HTTP status code
 * @param body the body as sent, never null
 */
record ApiReply(int statusCode, String body) {
  ApiReply {
    Objects.requireNonNull(body, "body");
  }
}
