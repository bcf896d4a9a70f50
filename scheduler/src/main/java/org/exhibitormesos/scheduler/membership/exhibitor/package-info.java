/**
 * Exhibitor mode's membership strategy: the servers spec the ensemble should have, derived from the
 * state ({@link org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorSpecs}); the converge loop
 * that writes it to every member's Exhibitor through {@code config/get-state} and {@code config/set}
 * and reports voters, leavers and the recorded spec to the state thread
 * ({@link org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorMembershipDriver}); and each
 * Exhibitor's last cluster view for the status
 * ({@link org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorViews}).
 */
package org.exhibitormesos.scheduler.membership.exhibitor;
