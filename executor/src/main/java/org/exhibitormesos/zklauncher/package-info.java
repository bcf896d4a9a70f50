/**
 * Code that runs inside the ZooKeeper child JVM, not in the executor. It is packed as its own
 * dependency-free jar ({@code exhibitor-mesos-zk-launcher.jar}) into the ZooKeeper distribution's
 * {@code lib/}, so it is on the child's classpath. Java only; it must not use any other class of
 * this project.
 */
package org.exhibitormesos.zklauncher;
