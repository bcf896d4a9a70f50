package org.exhibitormesos.scheduler.api;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.cluster.CommandRefusedException;
import org.exhibitormesos.core.state.store.StateStoreException;

/**
 * Maps why a request failed to its answer, in one place.
 *
 * <ul>
 *   <li>400: bad input ({@link ApiRequestException} with its own 4xx, {@link InvalidInputException}:
 *       malformed id, duration, number, constraint, unknown option);</li>
 *   <li>409: well formed, but the state forbids it ({@link CommandRefusedException}: unknown
 *       servers, ids that already exist, a stop that would lose the quorum, a server being removed).
 *       Distinct from 400 so scripts can tell "fix your request" from "the cluster says no";</li>
 *   <li>503: the scheduler cannot act now ({@link StateStoreException}, {@link IllegalStateException},
 *       shutting down); retrying later may succeed;</li>
 *   <li>500: a bug; logged with its stack trace. Never for bad input.</li>
 * </ul>
 */
final class ApiErrors {
  private static final Logger LOG = LogManager.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static ApiAnswer answer(String route, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ApiRequestException e) {
      return ApiAnswer.refused(e.status(), e.getMessage());
    }
    if (cause instanceof CommandRefusedException e) {
      return ApiAnswer.refused(409, e.getMessage());
    }
    if (cause instanceof InvalidInputException e) {
      return ApiAnswer.refused(400, e.getMessage());
    }
    if (cause instanceof StateStoreException || cause instanceof IllegalStateException
        || cause instanceof RejectedExecutionException || cause instanceof CancellationException) {
      return ApiAnswer.refused(503, "the scheduler cannot act now: " + cause.getMessage() + "; try again later");
    }
    LOG.warn("{} failed unexpectedly", route, cause);
    return ApiAnswer.refused(500, "internal error: " + cause);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
