/**
 * The control API's wire types, shared by the scheduler (which answers) and the CLI (which asks):
 * route and parameter names ({@link org.exhibitormesos.core.api.ApiRoutes}), the response envelope
 * ({@link org.exhibitormesos.core.api.ApiResponse}), the status document
 * ({@link org.exhibitormesos.core.api.StatusView} and its parts) and their JSON codec
 * ({@link org.exhibitormesos.core.api.ApiJson}).
 *
 * <p>Values here are immutable records and thread-safe. They are data transfer objects: no domain
 * logic, and nothing secret (the ZooKeeper super-user secret never appears in any of them).
 * Fields documented as nullable are absent from the JSON when null.
 */
package org.exhibitormesos.core.api;
