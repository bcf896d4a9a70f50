/**
 * The server lifecycle as a pure function from (server, event, time) to (server, effects), and the
 * effects the scheduler performs. No I/O and no clock: the caller passes {@code now}.
 */
package org.exhibitormesos.core.lifecycle;
