/**
 * Exhibitor mode of the executor: where Exhibitor's and ZooKeeper's files go, the default config
 * Exhibitor starts from, the Exhibitor bundle fetched into the sandbox, and Exhibitor's command
 * line. Exhibitor runs in its own JVM as a child of the executor and starts ZooKeeper through the
 * ZooKeeper distribution's {@code bin/zkServer.sh}; see
 * {@link org.exhibitormesos.executor.exhibitor.ExhibitorCommand} for how neither outlives the
 * executor.
 */
package org.exhibitormesos.executor.exhibitor;
