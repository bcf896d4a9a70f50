package org.exhibitormesos.core.api;

import java.util.List;
import java.util.Objects;

/**
 * One server as status shows it.
 *
 * @param id the server id
 * @param state what is observed, as operators see it: {@code Added}, {@code Pending},
 *     {@code Staging}, {@code Running}, {@code Reconciling}, {@code Stopping}
 * @param desired what the operator asked: {@code active}, {@code inactive} or {@code removed}
 * @param reason why the server waits (no matching offer, failover delay) or was deactivated;
 *     nullable (absent when it does not wait)
 * @param hostname the agent's host name; nullable (absent while not placed)
 * @param taskId the current task's id; nullable (absent while there is no task)
 * @param myid the server's ZooKeeper id; nullable (absent before its first launch)
 * @param ports the ports it holds; nullable (absent while not placed)
 * @param endpoint the URL operators open (Exhibitor UI or ZooKeeper AdminServer); nullable
 * @param constraints placement constraints as typed, {@code none} for no constraints
 * @param cpu cpus per task
 * @param mem memory per task, MB
 * @param disk disk for ZooKeeper's data, MB
 * @param volume where the data lives: the persistent volume's id, or a note that it lives in the
 *     sandbox (role {@code *}); nullable (absent before the first launch)
 * @param config the option values that apply at the next launch
 * @param exhibitorCluster Exhibitor mode: the ensemble as this server's Exhibitor last showed it
 *     ({@code cluster/status}), one {@code [host, description, code, L|F]} line per server; nullable
 *     (absent in native mode and while the Exhibitor did not answer)
 */
public record ServerView(int id, String state, String desired, String reason, String hostname, String taskId,
    Integer myid, PortsView ports, String endpoint, String constraints, double cpu, double mem, double disk,
    String volume, ServerConfigView config, List<String> exhibitorCluster) {

  /** {@link #desired()} of a server that should run. */
  public static final String DESIRED_ACTIVE = "active";
  /** {@link #desired()} of a server that is defined but should not run. */
  public static final String DESIRED_INACTIVE = "inactive";
  /** {@link #desired()} of a server being removed. */
  public static final String DESIRED_REMOVED = "removed";

  public ServerView {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(desired, "desired");
    constraints = Objects.requireNonNullElse(constraints, "");
    config = Objects.requireNonNullElse(config, ServerConfigView.EMPTY);
    exhibitorCluster = exhibitorCluster == null ? null : List.copyOf(exhibitorCluster);
  }

  /** A server view without an Exhibitor cluster view (native mode). */
  public ServerView(int id, String state, String desired, String reason, String hostname, String taskId,
      Integer myid, PortsView ports, String endpoint, String constraints, double cpu, double mem, double disk,
      String volume, ServerConfigView config) {
    this(id, state, desired, reason, hostname, taskId, myid, ports, endpoint, constraints, cpu, mem, disk, volume,
        config, null);
  }

  /** This view with its Exhibitor's cluster view. */
  public ServerView withExhibitorCluster(List<String> lines) {
    return new ServerView(id, state, desired, reason, hostname, taskId, myid, ports, endpoint, constraints, cpu, mem,
        disk, volume, config, lines);
  }
}
