/**
 * Netty HTTP servers and thin handlers of mesos-local: scheduler API, executor API, {@code /state},
 * fault routes, the optional standby master and Basic authentication. Handlers parse, negotiate
 * media types and route to the master; they decide nothing.
 */
package org.exhibitormesos.mesos.local.http;
