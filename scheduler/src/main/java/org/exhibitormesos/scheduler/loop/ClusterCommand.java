package org.exhibitormesos.scheduler.loop;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.IdExpression;

/**
 * An operator command for the state loop, already parsed from the request. Options are passed on
 * as typed (name to value); core's {@link org.exhibitormesos.core.config.SettingsEditor} validates
 * them when the state loop applies the command with
 * {@link org.exhibitormesos.core.cluster.ClusterCommands}.
 */
public sealed interface ClusterCommand {
  /** The servers the command names. */
  IdExpression ids();

  /** {@code add}: define servers with {@code options} (option name to value). */
  record Add(IdExpression ids, Map<String, String> options) implements ClusterCommand {
    public Add {
      Objects.requireNonNull(ids, "ids");
      options = sorted(options);
    }
  }

  /** {@code config}: change servers' {@code options}; applies at their next launch. */
  record Config(IdExpression ids, Map<String, String> options) implements ClusterCommand {
    public Config {
      Objects.requireNonNull(ids, "ids");
      options = sorted(options);
    }
  }

  /** {@code start}: the servers should run. */
  record Start(IdExpression ids) implements ClusterCommand {
    public Start {
      Objects.requireNonNull(ids, "ids");
    }
  }

  /** {@code stop}: the servers should not run; {@code force} stops even when a quorum is lost. */
  record Stop(IdExpression ids, boolean force) implements ClusterCommand {
    public Stop {
      Objects.requireNonNull(ids, "ids");
    }
  }

  /** {@code remove}: leave the ensemble, stop and forget; {@code force} as for {@link Stop}. */
  record Remove(IdExpression ids, boolean force) implements ClusterCommand {
    public Remove {
      Objects.requireNonNull(ids, "ids");
    }
  }

  private static SortedMap<String, String> sorted(Map<String, String> options) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(options, "options")));
  }
}
