/**
 * Child-process supervision that does not depend on what the child is (ZooKeeper now, Exhibitor
 * later): start with a parent-watch stdin pipe, copy its output into size-bounded files while
 * keeping the tail of its stderr, observe its exit, stop it with SIGTERM then SIGKILL.
 */
package org.exhibitormesos.executor.process;
