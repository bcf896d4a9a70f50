package org.exhibitormesos.cli;

import java.time.Duration;
import java.util.Map;

/** Calls the scheduler's control API. */
interface ApiClient {
  /**
   * POSTs {@code parameters} as a form to {@code route} and returns the answer, whatever its status.
   *
   * @param route such as {@code /api/start}
   * @param parameters form parameters, sent in this order
   * @param wait how long the scheduler may take on purpose (a start's timeout); the request waits
   *     that long plus a margin
   * @throws ApiUnreachableException if no answer came: connection refused, timeout, unknown host
   */
  ApiReply post(String route, Map<String, String> parameters, Duration wait) throws ApiUnreachableException;
}
