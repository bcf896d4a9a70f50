/**
 * The artifact server: the executor jar, the ZooKeeper distribution and optional archives that
 * Mesos fetchers download from the scheduler, served by the control API's HTTP server
 * ({@link org.exhibitormesos.scheduler.artifacts.ArtifactServer}) from one folder whose lookups
 * never leave it ({@link org.exhibitormesos.scheduler.artifacts.ArtifactFolder}).
 */
package org.exhibitormesos.scheduler.artifacts;
