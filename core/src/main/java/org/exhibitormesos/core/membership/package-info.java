/**
 * Native-mode membership as pure decisions: from the state's identities, the committed ZooKeeper
 * configuration and the members' probes, the one next step of the converge loop (record a voter,
 * record a leaver, one conditional reconfiguration, wait, or refuse). The driver that reads
 * ZooKeeper and sends {@code reconfig} lives in the scheduler.
 */
package org.exhibitormesos.core.membership;
