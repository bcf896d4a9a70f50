/**
 * Time values as operators type them in flags and API parameters ({@code 30s}, {@code 10m},
 * {@code 30 days}).
 *
 * <p>Stateless and thread-safe; parsing is strict and reports bad input with
 * {@link org.exhibitormesos.core.InvalidInputException}.
 */
package org.exhibitormesos.core.time;
