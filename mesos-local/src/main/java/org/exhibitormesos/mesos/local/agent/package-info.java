/**
 * What an agent does on the machine: starting executor containers (real processes via the
 * process utilities, or a stand-in), volume directories and the checkpoint of reservations and
 * volumes in the agent's work dir.
 */
package org.exhibitormesos.mesos.local.agent;
