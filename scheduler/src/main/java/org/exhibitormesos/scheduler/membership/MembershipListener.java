package org.exhibitormesos.scheduler.membership;

/**
 * Receives the driver's events on the driver's thread. Implementations hand them to the state
 * thread and return at once; they must not block or call back into the driver synchronously
 * (except {@link MembershipDriver#poke()}, which only queues a round).
 */
@FunctionalInterface
public interface MembershipListener {
  void on(MembershipEvent event);
}
