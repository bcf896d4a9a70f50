package org.exhibitormesos.scheduler.mesos;

import java.util.Optional;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.exhibitormesos.scheduler.config.SchedulerConfig;

/**
 * The {@link FrameworkInfo} this scheduler subscribes with: one role through the MULTI_ROLE
 * capability (so offers carry {@code allocation_info}), checkpointing so executors survive agent
 * restarts, the failover timeout from the flags, the principal, and the persisted framework id.
 * RESERVATION_REFINEMENT is deliberately not requested: offers then use the pre-refinement
 * {@code role} + {@code reservation} format that {@link Reservations} reads and writes.
 */
public final class FrameworkInfos {
  private FrameworkInfos() {
  }

  /**
   * @param frameworkId the persisted framework id; empty for the first subscription
   * @param hostname where the scheduler runs, shown in the Mesos UI
   */
  public static FrameworkInfo of(SchedulerConfig config, Optional<String> frameworkId, String hostname) {
    FrameworkInfo.Builder info = FrameworkInfo.newBuilder()
        .setUser(config.user())
        .setName(config.frameworkName())
        .addRoles(config.role())
        .addCapabilities(FrameworkInfo.Capability.newBuilder().setType(FrameworkInfo.Capability.Type.MULTI_ROLE))
        .setCheckpoint(true)
        .setFailoverTimeout(config.frameworkTimeout().toMillis() / 1000.0)
        .setHostname(hostname)
        .setWebuiUrl(config.apiUrl());
    config.principal().ifPresent(info::setPrincipal);
    frameworkId.ifPresent(id -> info.setId(FrameworkID.newBuilder().setValue(id)));
    return info.build();
  }
}
