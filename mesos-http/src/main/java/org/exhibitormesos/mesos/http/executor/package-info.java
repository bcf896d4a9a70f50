/**
 * Client of the Mesos v1 executor API: environment parsing, the SUBSCRIBE stream to the agent,
 * reliable status updates (kept until ACKNOWLEDGED, resent on resubscription) and agent-recovery
 * retries.
 */
package org.exhibitormesos.mesos.http.executor;
