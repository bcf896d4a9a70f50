/**
 * A client of Exhibitor 1.5.6's REST API ({@code http://<host>:<port>/exhibitor/v1/}), on the
 * JDK's {@link java.net.http.HttpClient} and Gson only, so the scheduler and the executor can use
 * it without depending on each other or on Exhibitor's jars.
 * {@link org.exhibitormesos.exhibitor.client.ExhibitorClient} reads the state and cluster view and
 * changes the servers spec the way the original framework did: read {@code config/get-state},
 * edit {@code serversSpec} by server id, post the whole config to {@code config/set}.
 */
package org.exhibitormesos.exhibitor.client;
