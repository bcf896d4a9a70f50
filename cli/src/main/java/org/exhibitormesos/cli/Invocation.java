package org.exhibitormesos.cli;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client command line, parsed and checked: what to send where.
 *
 * @param command the command
 * @param api the {@code -a/--api} value; empty to use {@code EM_API}
 * @param json whether to print the API's JSON unchanged
 * @param parameters the form parameters in the order sent: {@code id}, then {@code timeout} and
 *     {@code force}, then options by name, values canonical (an empty value resets an option)
 * @param serverWait how long the scheduler may wait before it answers ({@code start}/{@code stop}'s
 *     timeout, zero otherwise)
 */
record Invocation(ClientCommand command, Optional<String> api, boolean json, Map<String, String> parameters,
    Duration serverWait) {
  Invocation {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(api, "api");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Objects.requireNonNull(serverWait, "serverWait");
  }
}
