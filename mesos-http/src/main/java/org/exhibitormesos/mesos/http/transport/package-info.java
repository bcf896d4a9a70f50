/**
 * Netty 4.1 HTTP/1.1 plumbing shared by the scheduler and executor clients: one streaming POST
 * whose chunked body is decoded as RecordIO ({@link org.exhibitormesos.mesos.http.transport.RecordStream}),
 * and one keep-alive connection carrying calls one at a time
 * ({@link org.exhibitormesos.mesos.http.transport.CallChannel}). Mesos requires the two on
 * different connections.
 */
package org.exhibitormesos.mesos.http.transport;
