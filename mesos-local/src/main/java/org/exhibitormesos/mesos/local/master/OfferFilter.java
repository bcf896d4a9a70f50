package org.exhibitormesos.mesos.local.master;

import java.time.Instant;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * A refuse filter of one (framework, agent, role): suppresses an offer only while the resources
 * that would be offered are a subset of the refused ones.
 */
record OfferFilter(Resources refused, Instant expires) {
  boolean blocks(Resources candidate, Instant now) {
    return now.isBefore(expires) && refused.contains(candidate);
  }
}
