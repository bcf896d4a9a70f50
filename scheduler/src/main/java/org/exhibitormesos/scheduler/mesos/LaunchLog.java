package org.exhibitormesos.scheduler.mesos;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.launch.ConfigSource;

/**
 * How each task launched in this life of the scheduler gets its configuration, so that a restart
 * on a volume that turns out empty is recognised from the executor's report. A task launched by an
 * earlier life is not here; if its volume lost its data, the next restart on it (recorded here) is
 * recognised instead. Confined to the state loop.
 */
public final class LaunchLog {
  private final Map<String, ConfigSource> sources = new HashMap<>();

  public void launched(String taskId, ConfigSource source) {
    sources.put(taskId, source);
  }

  public Optional<ConfigSource> source(String taskId) {
    return Optional.ofNullable(sources.get(taskId));
  }

  public void ended(String taskId) {
    sources.remove(taskId);
  }
}
