/** Registration of the emulated master in ZooKeeper, as a Mesos master contender does. */
package org.exhibitormesos.mesos.local.zk;
