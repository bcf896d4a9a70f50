/** Resource math (scalars, ranges, sets, reservations) and the wire formats of resources. */
package org.exhibitormesos.mesos.local.resources;
