package org.exhibitormesos.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.ClosestName;

/** Finds the option an operator probably meant when a name is unknown. */
final class Suggestions {
  private Suggestions() {}

  /**
   * @return the option {@code command} accepts nearest to {@code typed} (see {@link ClosestName}),
   *     the first in declaration order on a tie
   */
  static Optional<ConfigOption> closest(String typed, Command command) {
    List<String> accepted = Arrays.stream(ConfigOption.values()).filter(o -> o.acceptedBy(command))
        .map(ConfigOption::optionName).toList();
    return ClosestName.to(typed, accepted).flatMap(ConfigOption::byName);
  }
}
