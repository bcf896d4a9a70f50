/**
 * The executor application: {@link org.exhibitormesos.executor.ExecutorMain} wires the Mesos
 * executor client to {@link org.exhibitormesos.executor.ZooKeeperExecutor}, which runs one server
 * task ({@link org.exhibitormesos.executor.ServerTask}) per executor process: ZooKeeper as a
 * supervised child, TASK_RUNNING only once {@code srvr} reports a mode, a terminal update when it
 * dies, stops answering or is killed, then exit once the agent acknowledged that update.
 */
package org.exhibitormesos.executor;
