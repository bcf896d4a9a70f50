/**
 * Client of the Mesos v1 scheduler API: one SUBSCRIBE stream per subscription, calls on a second
 * keep-alive connection, leader redirects, backoff and a heartbeat watchdog.
 */
package org.exhibitormesos.mesos.http.scheduler;
