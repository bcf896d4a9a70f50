package org.exhibitormesos.mesos.local.master;

import org.exhibitormesos.mesos.local.resources.Resources;

/** An outstanding offer: resources of one agent for one role of one framework. */
record Offer(String id, Framework framework, Agent agent, String role, Resources resources) {}
