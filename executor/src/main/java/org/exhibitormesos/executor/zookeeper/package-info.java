/**
 * ZooKeeper specifics of the executor: where its files go on the volume or in the sandbox, what
 * data is already there, writing its config with the core renderers, its command line, and the
 * {@code srvr} probe over a plain socket (the executor loads no ZooKeeper class).
 */
package org.exhibitormesos.executor.zookeeper;
