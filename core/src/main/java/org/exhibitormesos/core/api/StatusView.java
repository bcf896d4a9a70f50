package org.exhibitormesos.core.api;

import java.util.List;
import java.util.Objects;

/**
 * The {@code value} of every route's answer. {@code /api/status} lists every server; {@code add},
 * {@code config}, {@code start} and {@code stop} list the servers they named, as they are after the
 * request; {@code remove} lists none.
 *
 * @param frameworkId the Mesos framework id; nullable (absent before the first subscription)
 * @param mode {@code native} or {@code exhibitor}
 * @param servers by ascending id; never null
 * @param ensemble the ensemble's configuration and live view; nullable (absent while no server
 *     was ever launched)
 */
public record StatusView(String frameworkId, String mode, List<ServerView> servers, EnsembleView ensemble) {
  /** {@link #mode()} of servers managed natively with ZooKeeper's dynamic reconfiguration. */
  public static final String MODE_NATIVE = "native";
  /** {@link #mode()} of servers supervised by Exhibitor. */
  public static final String MODE_EXHIBITOR = "exhibitor";

  public StatusView {
    Objects.requireNonNull(mode, "mode");
    servers = servers == null ? List.of() : List.copyOf(servers);
  }
}
