/**
 * The scheduler's control API over HTTP (Netty), thin as the architecture wants it: requests are
 * parsed into {@link org.exhibitormesos.scheduler.loop.ClusterCommand}s and handed to the state
 * loop through {@link org.exhibitormesos.scheduler.loop.ClusterControl}; answers are the shared
 * {@link org.exhibitormesos.core.api} records written with
 * {@link org.exhibitormesos.core.api.ApiJson}.
 *
 * <p>{@link org.exhibitormesos.scheduler.api.ApiServer} owns the sockets and threads;
 * {@link org.exhibitormesos.scheduler.api.ControlApi} maps routes to answers without HTTP;
 * {@link org.exhibitormesos.scheduler.api.StatusViews} renders status. Status codes: 200 done,
 * 202 accepted but the servers did not get there within the timeout, 400 bad input, 404 unknown
 * route, 405 wrong method, 409 refused by the state, 413 body too large, 415 body type, 503 the
 * scheduler cannot act now. Never a 5xx for bad input.
 */
package org.exhibitormesos.scheduler.api;
