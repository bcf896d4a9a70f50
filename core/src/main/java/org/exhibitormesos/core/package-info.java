/**
 * exhibitor-mesos core: the pure domain of the framework.
 *
 * <p>Nothing in this module performs I/O, starts threads or depends on Mesos, protobuf, Netty or
 * ZooKeeper; the build fails if it ever does. Apps (scheduler, executor, CLI) and other JVM tools
 * embed it.
 */
package org.exhibitormesos.core;
