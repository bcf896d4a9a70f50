package org.exhibitormesos.cli;

import com.beust.jcommander.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed options of the client commands, as JCommander objects; a command's parser adds the ones
 * it takes. Options generated from {@code ConfigOption} are in {@link OptionFlags}. Boolean options
 * are flags that also accept a {@code true|false} value ({@code --json true}), as the original's
 * booleans took one; {@link ArgScanner} turns that form into the flag or its absence.
 */
final class Arguments {
  /** The value placeholders help shows after an option that takes a value. */
  static final Map<String, String> PLACEHOLDERS = Map.of("--api", "<url>", "--timeout", "<duration>");

  private Arguments() {}

  /** Options every client command takes. */
  static final class Common {
    @Parameter(names = {"-a", "--api"}, order = 0,
        description = "the scheduler's API URL, such as http://master:7000; default: $EM_API")
    String api;

    @Parameter(names = "--json", order = 1, description = "print the API's JSON answer unchanged")
    boolean json;

    @Parameter(names = {"-h", "--help"}, order = 2, help = true, description = "show this help")
    boolean help;
  }

  /** The id expression of the servers a command acts on. */
  static final class Ids {
    @Parameter(description = "<ids>")
    List<String> values = new ArrayList<>();
  }

  /** How long {@code start} or {@code stop} waits. */
  static final class Timeout {
    @Parameter(names = "--timeout", order = 10,
        description = "how long to wait for the servers, such as 30s or 2m; 0 = do not wait; default 60s")
    String value;
  }

  /** {@code stop --force} and {@code remove --force}. */
  static final class Force {
    @Parameter(names = "--force", order = 11,
        description = "go ahead even when fewer voters than a quorum would keep serving")
    boolean value;
  }
}
