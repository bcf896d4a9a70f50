package org.exhibitormesos.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.state.ServerMode;

/**
 * The options of {@code exhibitor-mesos local}, validated: every problem names the option, the
 * value and what is accepted.
 *
 * @param agents how many mesos-local agents, one per loopback address
 * @param servers how many servers the first run adds and starts (0 = none)
 * @param apiPort the scheduler API's port on 127.0.0.1; 0 = a free port
 * @param masterPort the mesos-local master's port on 127.0.0.1; 0 = a free port
 * @param workDir where everything lives: agents' sandboxes and volumes, the scheduler's state, the log
 * @param attributes the agents' Mesos attributes, {@code {i}} replaced by the agent index
 * @param agentBlock the first three octets of the agents' addresses: agents on {@code <block>.2, .3, ...}
 * @param mode the scheduler's {@code --mode}, passed through
 * @param serverMemMb memory of each server the first run adds, MB
 * @param artifacts the scheduler's artifacts folder; empty = the distribution's {@code artifacts/}
 */
public record LocalOptions(int agents, int servers, int apiPort, int masterPort, Path workDir, String attributes,
    String agentBlock, ServerMode mode, int serverMemMb, Optional<Path> artifacts) {

  /** The usage text, listing every option. */
  public static final String USAGE = """
      Usage: exhibitor-mesos local [options]
        Runs mesos-local and the scheduler in this process, adds and starts the servers, prints the
        API URL and the ZooKeeper connection string, and shows progress until Ctrl-C or SIGTERM,
        which stop the scheduler, then mesos-local with its executors and their ZooKeepers.
        Run it again on the same --work-dir to get the same ensemble back with its data.

        --agents N                  mesos-local agents, one per loopback address (default 3)
        --servers N                 servers the first run adds and starts, at most one per agent
                                    (default 3; 0 = none)
        --api-port P                scheduler API port on 127.0.0.1 (default 7000; 0 = a free port)
        --master-port P             mesos-local master port on 127.0.0.1 (default 0 = a free port)
        --work-dir DIR              sandboxes, volumes, scheduler state and log
                                    (default ~/.exhibitor-mesos/local)
        --attributes A;B            agents' attributes, e.g. rack:r{i};zone:a ({i} = agent index)
        --agent-address-block A.B.C agents on A.B.C.2, A.B.C.3, ... (default 127.0.0); keep it the
                                    same between runs on one work dir: volumes belong to an address
        --mode native|exhibitor     how servers run, the scheduler's --mode (default native)
        --mem MB                    memory of each server the first run adds (default 160)
        --artifacts DIR             executor jar and ZooKeeper distribution
                                    (default: the distribution's artifacts/)
        -h, --help                  show this help
      """;

  /** The most agents on one address block (.2 to .254). */
  static final int MAX_AGENTS = 253;

  public LocalOptions {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(agentBlock, "agentBlock");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(artifacts, "artifacts");
  }

  /** The address of agent {@code index} (0-based). */
  public String agentAddress(int index) {
    return agentBlock + "." + (index + 2);
  }

  /**
   * @param env the environment, for {@code HOME}
   * @return the options, or empty when help was asked for
   * @throws InvalidInputException naming the option, the value and what is accepted
   */
  public static Optional<LocalOptions> parse(List<String> args, Map<String, String> env) {
    int agents = 3;
    int servers = 3;
    int apiPort = 7000;
    int masterPort = 0;
    Path workDir = null;
    String attributes = "";
    String block = "127.0.0";
    String mode = "native";
    int mem = 160;
    Path artifacts = null;
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      switch (option) {
        case "-h", "--help" -> {
          return Optional.empty();
        }
        case "--agents" -> agents = integer(option, value(rest, option), 1, MAX_AGENTS);
        case "--servers" -> servers = integer(option, value(rest, option), 0, MAX_AGENTS);
        case "--api-port" -> apiPort = integer(option, value(rest, option), 0, 65535);
        case "--master-port" -> masterPort = integer(option, value(rest, option), 0, 65535);
        case "--work-dir" -> workDir = Path.of(nonBlank(option, value(rest, option)));
        case "--attributes" -> attributes = value(rest, option);
        case "--agent-address-block" -> block = addressBlock(value(rest, option));
        case "--mode" -> mode = value(rest, option);
        case "--mem" -> mem = integer(option, value(rest, option), 32, 1 << 20);
        case "--artifacts" -> artifacts = Path.of(nonBlank(option, value(rest, option)));
        default -> throw new InvalidInputException("unknown option '" + option + "'; run 'exhibitor-mesos help local'"
            + " for the options");
      }
    }
    if (servers > agents) {
      throw new InvalidInputException("--servers " + servers + " needs at least " + servers + " agents (one server"
          + " per agent: hostname=unique); got --agents " + agents);
    }
    ServerMode serverMode;
    try {
      serverMode = ServerMode.parse(mode);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--mode '" + mode + "' is invalid: accepted: native, exhibitor");
    }
    if (workDir == null) {
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      workDir = Path.of(home, ".exhibitor-mesos", "local");
    }
    return Optional.of(new LocalOptions(agents, servers, apiPort, masterPort, workDir.toAbsolutePath().normalize(),
        attributes, block, serverMode, mem, Optional.ofNullable(artifacts).map(Path::toAbsolutePath)));
  }

  private static String value(List<String> rest, String option) {
    if (rest.isEmpty()) {
      throw new InvalidInputException(option + " needs a value; run 'exhibitor-mesos help local' for the options");
    }
    return rest.remove(0);
  }

  private static String nonBlank(String option, String v) {
    if (v.isBlank()) {
      throw new InvalidInputException(option + " needs a non-empty value");
    }
    return v;
  }

  private static int integer(String option, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(option + " '" + v + "' is invalid: accepted: a whole number in " + min + ".."
        + max);
  }

  /** {@code 127.0.N}: three octets of a loopback address. */
  private static String addressBlock(String v) {
    String[] parts = v.split("\\.", -1);
    boolean ok = parts.length == 3 && parts[0].equals("127");
    for (int i = 1; ok && i < 3; i++) {
      ok = parts[i].matches("[0-9]{1,3}") && Integer.parseInt(parts[i]) <= 255;
    }
    if (!ok) {
      throw new InvalidInputException("--agent-address-block '" + v + "' is invalid: accepted: the first three"
          + " octets of a loopback address, such as 127.0.0 or 127.0.42");
    }
    return v;
  }
}
