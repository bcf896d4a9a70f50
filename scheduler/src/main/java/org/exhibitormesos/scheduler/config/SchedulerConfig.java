package org.exhibitormesos.scheduler.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.mesos.http.master.MasterSpec;

/**
 * The scheduler's validated configuration, built from its flags by {@link SchedulerFlags}.
 *
 * @param master                 where the leading Mesos master is found
 * @param apiHost                the host the control API binds to and announces
 * @param apiPort                the control API's port
 * @param user                   the user tasks run as
 * @param principal              the framework's principal, if it authenticates
 * @param secret                 the principal's secret; never logged
 * @param frameworkName          the framework's name in Mesos
 * @param frameworkTimeout       how long Mesos keeps the framework's tasks while the scheduler is away
 * @param role                   the role whose resources are reserved for the servers' volumes ({@code *} = none)
 * @param storage                where the state lives ({@code file:PATH})
 * @param ensembleModifyRetries  tries of one membership change before it is given up
 * @param ensembleModifyBackoff  wait between those tries
 * @param debug                  debug logging
 * @param mode                   how servers run; fixed once an ensemble exists
 * @param artifacts              the folder with the executor jar and the ZooKeeper distribution it serves
 * @param zkSessionTimeout       the ZooKeeper session timeout with {@code zk:} storage: how long after a leader's
 *                               death a standby may take over
 */
public record SchedulerConfig(MasterSpec master, String apiHost, int apiPort, String user, Optional<String> principal,
    Optional<String> secret, String frameworkName, Duration frameworkTimeout, String role, String storage,
    int ensembleModifyRetries, Duration ensembleModifyBackoff, boolean debug, ServerMode mode, Path artifacts,
    Duration zkSessionTimeout) {
  public SchedulerConfig {
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(apiHost, "apiHost");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(frameworkName, "frameworkName");
    Objects.requireNonNull(frameworkTimeout, "frameworkTimeout");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(ensembleModifyBackoff, "ensembleModifyBackoff");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(artifacts, "artifacts");
    Objects.requireNonNull(zkSessionTimeout, "zkSessionTimeout");
  }

  /** True with {@code zk:} storage: several schedulers may share the state, one leads. */
  public boolean highlyAvailable() {
    return storage.startsWith("zk:");
  }

  /** The API's base URL, as the scheduler announces it ({@code http://host:port}). */
  public String apiUrl() {
    return "http://" + apiHost + ":" + apiPort;
  }

  /** True when the role allows reservations and persistent volumes. */
  public boolean volumes() {
    return !"*".equals(role);
  }

  /** The secret stays out of logs. */
  @Override
  public String toString() {
    return "SchedulerConfig[master=" + master + ", api=" + apiUrl() + ", user=" + user + ", principal="
        + principal.orElse("(none)") + ", secret=" + (secret.isPresent() ? "(set)" : "(none)") + ", frameworkName="
        + frameworkName + ", frameworkTimeout=" + frameworkTimeout + ", role=" + role + ", storage=" + storage
        + ", ensembleModifyRetries=" + ensembleModifyRetries + ", ensembleModifyBackoff=" + ensembleModifyBackoff
        + ", debug=" + debug + ", mode=" + mode.text() + ", artifacts=" + artifacts
        + ", zkSessionTimeout=" + zkSessionTimeout + "]";
  }
}
