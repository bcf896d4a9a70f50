package org.exhibitormesos.core.config;

import static org.exhibitormesos.core.config.OptionGroup.EXHIBITOR;
import static org.exhibitormesos.core.config.OptionGroup.FRAMEWORK;
import static org.exhibitormesos.core.config.OptionGroup.RESOURCE;
import static org.exhibitormesos.core.config.OptionGroup.SHARED;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every option the {@code add} and {@code config} commands accept, by the name operators type.
 *
 * <p>The 26 Exhibitor flags and 16 shared-config overrides are those of the original framework,
 * as are the 6 framework settings and the {@code add} options; {@code disk} is new. Which command
 * accepts which option is {@link #acceptedBy(Command)}.
 */
public enum ConfigOption {
  // Exhibitor flags, passed through as --name value.
  CONFIGTYPE("configtype", EXHIBITOR, ValueRule.choice("file", "zookeeper", "s3", "none"),
      "where Exhibitor keeps the shared config"),
  CONFIGCHECKMS("configcheckms", EXHIBITOR, ValueRule.millis(1),
      "how often Exhibitor looks for shared config changes, ms"),
  DEFAULTCONFIG("defaultconfig", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "path of a file with initial values for the shared config"),
  HEADINGTEXT("headingtext", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "extra text in the Exhibitor UI header"),
  HOSTNAME("hostname", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "host name Exhibitor announces for this server"),
  JQUERYSTYLE("jquerystyle", EXHIBITOR, ValueRule.choice("red", "black", "custom"),
      "colour scheme of the Exhibitor UI"),
  LOGLINES("loglines", EXHIBITOR, ValueRule.wholeNumber(1),
      "log lines Exhibitor keeps in memory for its UI"),
  NODEMODIFICATION("nodemodification", EXHIBITOR, ValueRule.of(ValueKind.BOOLEAN),
      "whether the Exhibitor explorer may change znodes"),
  PREFSPATH("prefspath", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "path of Exhibitor's preferences file"),
  SERVO("servo", EXHIBITOR, ValueRule.of(ValueKind.BOOLEAN),
      "whether Exhibitor publishes ZooKeeper metrics through Servo"),
  TIMEOUT("timeout", EXHIBITOR, ValueRule.millis(1),
      "Exhibitor's ZooKeeper connection timeout, ms"),
  S3CREDENTIALS("s3credentials", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "path of a properties file with S3 credentials"),
  S3REGION("s3region", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "S3 region, such as eu-west-1"),
  S3CONFIG("s3config", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "bucket:key of the shared config in S3"),
  S3CONFIGPREFIX("s3configprefix", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "prefix of Exhibitor's lock objects in S3"),
  ZKCONFIGCONNECT("zkconfigconnect", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "connection string of the ZooKeeper holding the shared config"),
  ZKCONFIGEXHIBITORPATH("zkconfigexhibitorpath", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "URI path of Exhibitor on the shared-config ensemble"),
  ZKCONFIGEXHIBITORPORT("zkconfigexhibitorport", EXHIBITOR, ValueRule.of(ValueKind.PORT),
      "Exhibitor port on the shared-config ensemble"),
  ZKCONFIGPOLLMS("zkconfigpollms", EXHIBITOR, ValueRule.millis(1),
      "how often the shared-config ensemble is polled, ms"),
  ZKCONFIGRETRY("zkconfigretry", EXHIBITOR, ValueRule.of(ValueKind.RETRY),
      "retry policy towards the shared-config ensemble"),
  ZKCONFIGZPATH("zkconfigzpath", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "znode path of the shared config"),
  FILESYSTEMBACKUP("filesystembackup", EXHIBITOR, ValueRule.of(ValueKind.BOOLEAN),
      "whether transaction logs are backed up to the file system"),
  S3BACKUP("s3backup", EXHIBITOR, ValueRule.of(ValueKind.BOOLEAN),
      "whether transaction logs are backed up to S3"),
  ACLID("aclid", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "ACL id of Exhibitor's own ZooKeeper connection"),
  ACLPERMS("aclperms", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "ACL permissions of that connection, a comma list"),
  ACLSCHEME("aclscheme", EXHIBITOR, ValueRule.of(ValueKind.TEXT),
      "ACL scheme of that connection"),

  // Shared-config overrides.
  LOG_INDEX_DIRECTORY("log-index-directory", SHARED, ValueRule.of(ValueKind.TEXT),
      "where Exhibitor indexes ZooKeeper logs"),
  ZOOKEEPER_INSTALL_DIRECTORY("zookeeper-install-directory", SHARED, ValueRule.of(ValueKind.TEXT),
      "where ZooKeeper is installed"),
  ZOOKEEPER_DATA_DIRECTORY("zookeeper-data-directory", SHARED, ValueRule.of(ValueKind.TEXT),
      "ZooKeeper snapshot directory"),
  ZOOKEEPER_LOG_DIRECTORY("zookeeper-log-directory", SHARED, ValueRule.of(ValueKind.TEXT),
      "ZooKeeper transaction log directory"),
  BACKUP_EXTRA("backup-extra", SHARED, ValueRule.of(ValueKind.TEXT),
      "settings of the backup provider"),
  ZOO_CFG_EXTRA("zoo-cfg-extra", SHARED, ValueRule.of(ValueKind.ZOO_CFG_EXTRA),
      "extra zoo.cfg entries"),
  JAVA_ENVIRONMENT("java-environment", SHARED, ValueRule.of(ValueKind.TEXT_BLOCK),
      "shell script setting ZooKeeper's Java environment"),
  LOG4J_PROPERTIES("log4j-properties", SHARED, ValueRule.of(ValueKind.TEXT_BLOCK),
      "ZooKeeper's logging configuration"),
  CLIENT_PORT("client-port", SHARED, ValueRule.of(ValueKind.PORT),
      "ZooKeeper client port"),
  CONNECT_PORT("connect-port", SHARED, ValueRule.of(ValueKind.PORT),
      "ZooKeeper peer (quorum) port"),
  ELECTION_PORT("election-port", SHARED, ValueRule.of(ValueKind.PORT),
      "ZooKeeper leader election port"),
  CHECK_MS("check-ms", SHARED, ValueRule.millis(1),
      "how often Exhibitor checks on ZooKeeper, ms"),
  CLEANUP_PERIOD_MS("cleanup-period-ms", SHARED, ValueRule.millis(1),
      "how often old snapshots and logs are purged, ms"),
  // ZooKeeper's purge refuses to keep fewer than 3 snapshots.
  CLEANUP_MAX_FILES("cleanup-max-files", SHARED, ValueRule.wholeNumber(3),
      "snapshots and logs kept by the purge"),
  BACKUP_MAX_STORE_MS("backup-max-store-ms", SHARED, ValueRule.millis(0),
      "how long backups are kept, ms"),
  BACKUP_PERIOD_MS("backup-period-ms", SHARED, ValueRule.millis(1),
      "how often backups run, ms"),

  // Framework settings.
  PORT("port", FRAMEWORK, ValueRule.of(ValueKind.PORT_RANGES),
      "ranges the Exhibitor UI port must come from; default any offered port"),
  JAVA_OPTIONS("java-options", FRAMEWORK, ValueRule.of(ValueKind.TEXT),
      "JVM options of the executor"),
  STICKINESS_PERIOD("stickiness-period", FRAMEWORK, ValueRule.of(ValueKind.DURATION),
      "how long a relaunch stays on the previous agent; default 10m"),
  FAILOVER_DELAY("failover-delay", FRAMEWORK, ValueRule.of(ValueKind.DURATION),
      "first wait before relaunching a failed server, doubling after; default 5s"),
  FAILOVER_MAX_DELAY("failover-max-delay", FRAMEWORK, ValueRule.of(ValueKind.DURATION),
      "longest wait before relaunching a failed server; default 10m"),
  FAILOVER_MAX_TRIES("failover-max-tries", FRAMEWORK, ValueRule.wholeNumber(1),
      "failures in a row after which the server is stopped; default no limit"),

  // Resources and placement: add options, also accepted by config.
  CPU("cpu", RESOURCE, ValueRule.of(ValueKind.AMOUNT), "cpus for the task; default 0.2"),
  MEM("mem", RESOURCE, ValueRule.of(ValueKind.AMOUNT), "memory for the task, MB; default 256"),
  DISK("disk", RESOURCE, ValueRule.of(ValueKind.AMOUNT), "disk for ZooKeeper's data, MB; default 1024"),
  CONSTRAINTS("constraints", RESOURCE, ValueRule.of(ValueKind.CONSTRAINTS),
      "placement constraints; default hostname=unique"),
  CONFIGCHANGEBACKOFF("configchangebackoff", RESOURCE, ValueRule.millis(0),
      "wait between shared-config change attempts, ms; default 10000");

  private static final Map<String, ConfigOption> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(ConfigOption::optionName, Function.identity()));

  private final String optionName;
  private final OptionGroup group;
  private final ValueRule rule;
  private final String description;

  ConfigOption(String optionName, OptionGroup group, ValueRule rule, String description) {
    this.optionName = optionName;
    this.group = group;
    this.rule = rule;
    this.description = description;
  }

  /** The option with exactly this name (names are lower case), if any. */
  public static Optional<ConfigOption> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The name operators type, such as {@code zoo-cfg-extra}. */
  public String optionName() {
    return optionName;
  }

  public OptionGroup group() {
    return group;
  }

  public ValueRule rule() {
    return rule;
  }

  /** One line for help texts. */
  public String description() {
    return description;
  }

  /** {@code add} accepts the resource options and {@code port}; {@code config} accepts all. */
  public boolean acceptedBy(Command command) {
    return switch (command) {
      case ADD -> group == RESOURCE || this == PORT;
      case CONFIG -> true;
    };
  }

  @Override
  public String toString() {
    return optionName;
  }
}
