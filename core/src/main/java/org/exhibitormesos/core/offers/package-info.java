/**
 * Offer evaluation: given one Mesos offer (as plain values) and the cluster state, decide which
 * waiting servers to launch on it with which resources, ports and volume, which released volumes to
 * destroy, and why every other waiting server does not fit. See {@link
 * org.exhibitormesos.core.offers.OfferEvaluator}.
 */
package org.exhibitormesos.core.offers;
