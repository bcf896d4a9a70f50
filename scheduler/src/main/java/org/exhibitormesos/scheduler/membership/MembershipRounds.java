package org.exhibitormesos.scheduler.membership;

/**
 * A membership strategy's converge loop as the runtime drives it: native mode's
 * {@link MembershipDriver} (ZooKeeper reconfig) or Exhibitor mode's
 * {@link org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorMembershipDriver} (servers spec).
 * Rounds run off the state thread and report {@link MembershipEvent}s to a listener.
 *
 * <p>Lifecycle: {@link #start()} once; {@link #poke()} queues a round soon and does nothing before
 * start or after close; {@link #close()} is idempotent.
 */
public interface MembershipRounds extends AutoCloseable {
  void start();

  void poke();

  @Override
  void close();
}
