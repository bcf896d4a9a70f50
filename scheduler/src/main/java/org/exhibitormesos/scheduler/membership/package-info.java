/**
 * Native-mode membership in the shell: four-letter-word probes, one long-lived super-user session
 * to the ensemble ({@link org.exhibitormesos.scheduler.membership.EnsembleClient}) and the converge
 * loop ({@link org.exhibitormesos.scheduler.membership.MembershipDriver}) that reads the committed
 * configuration, asks core's {@code MembershipPlanner} for the next step, performs at most one
 * conditional {@code reconfig} and posts what it saw back to the state thread as events.
 *
 * <p>Nothing here bootstraps an ensemble or forces a change without a quorum; every round
 * re-derives its inputs, so a crash at any point leaves nothing to roll back.
 */
package org.exhibitormesos.scheduler.membership;
