package org.exhibitormesos.scheduler.config;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.core.time.Durations;
import org.exhibitormesos.mesos.http.master.MasterSpec;
import org.exhibitormesos.storage.zk.ZkStorageSpec;

/**
 * The scheduler's command-line flags with the original framework's names, short forms and defaults,
 * and their translation into a validated {@link SchedulerConfig}. Every problem names the flag and
 * the accepted form.
 */
public final class SchedulerFlags {
  @Parameter(names = {"-m", "--master"}, description = "Mesos master: host:port[,host:port...] or zk://[user:pass@]host:port[,...]/path")
  String master;

  @Parameter(names = {"-a", "--api"}, description = "API URL the scheduler binds to and announces, e.g. http://192.168.3.5:7000 (or env EM_API)")
  String api;

  @Parameter(names = {"-u", "--user"}, description = "user the tasks run as (default: the user running the scheduler)")
  String user;

  @Parameter(names = "--principal", description = "principal (username) used to register the framework")
  String principal;

  @Parameter(names = "--secret", description = "secret (password) of the principal", password = false)
  String secret;

  @Parameter(names = "--framework-name", description = "framework name")
  String frameworkName = "exhibitor";

  @Parameter(names = "--framework-timeout", description = "how long Mesos keeps the tasks while the scheduler is away, e.g. 30d")
  String frameworkTimeout = "30d";

  @Parameter(names = "--framework-role", description = "role for reservations and volumes (* = none: data in the sandbox)")
  String frameworkRole = "exhibitor";

  @Parameter(names = "--storage", description = "where the state lives: file:PATH or zk:[user:password@]host:port[,host:port...]/path")
  String storage = "file:exhibitor-mesos.json";

  @Parameter(names = "--zk-session-timeout", description = "ZooKeeper session timeout with zk: storage; a standby scheduler takes over this long after the leader dies, e.g. 10s")
  String zkSessionTimeout = "10s";

  @Parameter(names = "--ensemble-modify-retries", description = "tries of one membership change")
  String ensembleModifyRetries = "5";

  @Parameter(names = "--ensemble-modify-backoff", description = "wait between those tries, in milliseconds")
  String ensembleModifyBackoff = "2000";

  @Parameter(names = {"-d", "--debug"}, description = "debug logging: true|false", arity = 1)
  String debug = "false";

  @Parameter(names = "--mode", description = "how servers run: native (ZooKeeper with dynamic reconfig) or exhibitor")
  String mode = "native";

  @Parameter(names = "--artifacts", description = "folder with the executor jar and the ZooKeeper distribution, and in exhibitor mode the Exhibitor bundle (default: the distribution's artifacts/)")
  String artifacts;

  @Parameter(names = {"-h", "--help"}, help = true, description = "show this help")
  boolean help;

  /**
   * Parses and validates; {@code env} supplies {@code EM_API} and {@code USER}, {@code defaultArtifacts}
   * the distribution's artifacts folder.
   *
   * @return empty when help was asked for
   * @throws InvalidInputException naming the flag, what was wrong and the accepted form
   */
  public static Optional<SchedulerConfig> parse(List<String> args, Map<String, String> env, Path defaultArtifacts) {
    SchedulerFlags flags = new SchedulerFlags();
    try {
      JCommander.newBuilder().addObject(flags).build().parse(args.toArray(String[]::new));
    } catch (ParameterException e) {
      throw new InvalidInputException(e.getMessage() + "; run 'exhibitor-mesos help scheduler' for the flags");
    }
    if (flags.help) {
      return Optional.empty();
    }
    return Optional.of(flags.toConfig(env, defaultArtifacts));
  }

  /** The flags' help text. */
  public static String usage() {
    StringBuilder sb = new StringBuilder();
    JCommander jc = JCommander.newBuilder().addObject(new SchedulerFlags()).programName("exhibitor-mesos scheduler").build();
    jc.getUsageFormatter().usage(sb);
    return sb.toString();
  }

  private SchedulerConfig toConfig(Map<String, String> env, Path defaultArtifacts) {
    if (master == null || master.isBlank()) {
      throw new InvalidInputException("missing --master; accepted: host:port[,host:port...] or zk://host:port/path");
    }
    MasterSpec masterSpec;
    try {
      masterSpec = MasterSpec.parse(master);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid --master: " + e.getMessage());
    }
    String apiValue = api != null ? api : env.get("EM_API");
    if (apiValue == null || apiValue.isBlank()) {
      throw new InvalidInputException("missing --api (or EM_API); accepted: http://host:port, e.g. http://192.168.3.5:7000");
    }
    ApiAddress address = ApiAddress.parse(apiValue);
    String userName = user != null ? user : env.getOrDefault("USER", System.getProperty("user.name"));
    if (userName == null || userName.isBlank()) {
      throw new InvalidInputException("missing --user and no USER in the environment");
    }
    if (secret != null && principal == null) {
      throw new InvalidInputException("--secret needs --principal");
    }
    Duration timeout = duration("--framework-timeout", frameworkTimeout);
    if (frameworkRole.isBlank() || frameworkRole.contains(" ") || frameworkRole.startsWith("/")) {
      throw new InvalidInputException("invalid --framework-role '" + frameworkRole + "'; accepted: * or a Mesos role name such as exhibitor");
    }
    checkStorage(storage);
    Duration sessionTimeout = duration("--zk-session-timeout", zkSessionTimeout);
    if (sessionTimeout.compareTo(Duration.ofSeconds(1)) < 0 || sessionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new InvalidInputException("invalid --zk-session-timeout '" + zkSessionTimeout
          + "'; accepted: a duration from 1s to 10m, e.g. 10s (ZooKeeper clamps it to 2..20 ticks of its servers)");
    }
    int retries = wholeNumber("--ensemble-modify-retries", ensembleModifyRetries, 1);
    Duration backoff = Duration.ofMillis(wholeNumber("--ensemble-modify-backoff", ensembleModifyBackoff, 0));
    boolean debugOn = bool("--debug", debug);
    ServerMode serverMode;
    try {
      serverMode = ServerMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid --mode '" + mode + "'; accepted: native, exhibitor");
    }
    Path artifactDir = artifacts != null ? Path.of(artifacts) : defaultArtifacts;
    if (!Files.isDirectory(artifactDir)) {
      throw new InvalidInputException("invalid --artifacts: " + artifactDir + " is not a folder; it must hold the"
          + " executor jar and the ZooKeeper distribution");
    }
    return new SchedulerConfig(masterSpec, address.host(), address.port(), userName, Optional.ofNullable(principal),
        Optional.ofNullable(secret), frameworkName, timeout, frameworkRole, storage, retries, backoff, debugOn,
        serverMode, artifactDir, sessionTimeout);
  }

  private static void checkStorage(String value) {
    if (value.startsWith("file:") && value.length() > "file:".length()) {
      return;
    }
    if (value.startsWith("zk:")) {
      try {
        ZkStorageSpec.parse(value);
        return;
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("invalid --storage: " + e.getMessage());
      }
    }
    String shown = value.contains("@") ? "(redacted)" : value;
    throw new InvalidInputException("invalid --storage '" + shown + "'; accepted: file:PATH or "
        + "zk:[user:password@]host:port[,host:port...]/path");
  }

  private static Duration duration(String flag, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid " + flag + ": " + e.getMessage());
    }
  }

  private static int wholeNumber(String flag, String value, int min) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("invalid " + flag + " '" + value + "'; accepted: a whole number >= " + min);
  }

  private static boolean bool(String flag, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new InvalidInputException("invalid " + flag + " '" + value + "'; accepted: true, false");
  }
}
