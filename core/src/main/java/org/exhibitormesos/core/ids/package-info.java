/**
 * Server identities and the id expressions operators type to select servers ({@code 0}, {@code 0..2},
 * {@code 0,3,5..7}, {@code *}).
 *
 * <p>Values here are immutable and thread-safe. Parsing is strict: malformed input is rejected with
 * {@link org.exhibitormesos.core.InvalidInputException}, never silently trimmed or dropped.
 */
package org.exhibitormesos.core.ids;
