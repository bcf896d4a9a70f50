package org.exhibitormesos.core.launch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ensemble.Autopurge;
import org.exhibitormesos.core.ensemble.ZooCfgExtra;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;

/**
 * The operator's ZooKeeper settings for one server, as the executor applies them.
 *
 * @param zooCfgExtra {@code zoo-cfg-extra}: text in {@link ZooCfgExtra#parse} form, {@code ""} for
 *     none
 * @param javaEnvironment {@code java-environment}: JVM options for ZooKeeper, separated by white
 *     space, {@code ""} for none; {@code -Xmx} here is overridden by {@code heapMb}
 * @param heapMb ZooKeeper's maximum heap, {@value #MIN_HEAP_MB}..{@value #MAX_HEAP_MB} MB (default
 *     {@value #DEFAULT_HEAP_MB})
 * @param log4jProperties {@code log4j-properties}: a log4j2 configuration in properties form for
 *     ZooKeeper; empty for the distribution's own (size-bounded files in the sandbox)
 * @param checkPeriodMs {@code check-ms}: period of the executor's {@code srvr} probe, at least
 *     {@value #MIN_CHECK_PERIOD_MS} ms
 * @param probeFailuresAllowed consecutive unanswered probes tolerated while running; one more and
 *     the executor kills ZooKeeper and fails the task (at least 1)
 * @param readyTimeoutMs how long a launched server may take to serve before the executor gives up
 *     (a bootstrap member waits for a quorum of its peers, so this is generous)
 * @param cleanupPeriodMs {@code cleanup-period-ms}: snapshot purge period, {@code 0} for none
 * @param cleanupMaxFiles {@code cleanup-max-files}: snapshots kept, at least 3
 * @param dataDirectory {@code zookeeper-data-directory}; only for servers without a volume
 * @param logDirectory {@code zookeeper-log-directory}; only for servers without a volume
 * @param superDigest base64 digest of the super user (never the password); empty for none
 * @param fourLetterWords the {@code 4lw.commands.whitelist}; must allow {@code srvr}
 */
public record ZooKeeperSettings(
    String zooCfgExtra,
    String javaEnvironment,
    int heapMb,
    Optional<String> log4jProperties,
    long checkPeriodMs,
    int probeFailuresAllowed,
    long readyTimeoutMs,
    long cleanupPeriodMs,
    int cleanupMaxFiles,
    Optional<String> dataDirectory,
    Optional<String> logDirectory,
    Optional<String> superDigest,
    List<String> fourLetterWords) {

  public static final int DEFAULT_HEAP_MB = 256;
  public static final int MIN_HEAP_MB = 32;
  public static final int MAX_HEAP_MB = 32_768;
  public static final long MIN_CHECK_PERIOD_MS = 100;

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  /** @throws InvalidInputException naming the setting, if any is invalid */
  public ZooKeeperSettings {
    Objects.requireNonNull(zooCfgExtra, "zooCfgExtra");
    Objects.requireNonNull(javaEnvironment, "javaEnvironment");
    Objects.requireNonNull(log4jProperties, "log4jProperties");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(logDirectory, "logDirectory");
    Objects.requireNonNull(superDigest, "superDigest");
    fourLetterWords = List.copyOf(fourLetterWords);
    extra(zooCfgExtra);
    if (heapMb < MIN_HEAP_MB || heapMb > MAX_HEAP_MB) {
      throw new InvalidInputException("heap " + heapMb + " MB is not in " + MIN_HEAP_MB + ".."
          + MAX_HEAP_MB);
    }
    if (checkPeriodMs < MIN_CHECK_PERIOD_MS) {
      throw new InvalidInputException("check-ms " + checkPeriodMs + " is below "
          + MIN_CHECK_PERIOD_MS);
    }
    if (probeFailuresAllowed < 1) {
      throw new InvalidInputException("probe failures allowed " + probeFailuresAllowed
          + " is below 1");
    }
    if (readyTimeoutMs < 1) {
      throw new InvalidInputException("ready timeout " + readyTimeoutMs + " ms is not positive");
    }
    Autopurge.fromCleanup(cleanupMaxFiles, cleanupPeriodMs);
    dataDirectory.ifPresent(d -> requirePath("zookeeper-data-directory", d));
    logDirectory.ifPresent(d -> requirePath("zookeeper-log-directory", d));
    superDigest.ifPresent(d -> {
      if (!BASE64.matcher(d).matches()) {
        throw new InvalidInputException("super digest is not base64");
      }
    });
    if (!fourLetterWords.equals(List.of("*")) && !fourLetterWords.contains("srvr")) {
      throw new InvalidInputException("4lw whitelist " + fourLetterWords
          + " does not allow srvr, which the executor probes with");
    }
    // Same rules as zoo.cfg rendering: fails here rather than on the agent.
    ZooCfgSpec.nativeMode("d", "f").withFourLetterWords(fourLetterWords);
  }

  /** Defaults: no extras, 256 MB heap, 2 s probes, 3 failures, 5 min to serve, no purging. */
  public static ZooKeeperSettings defaults() {
    return new ZooKeeperSettings("", "", DEFAULT_HEAP_MB, Optional.empty(), 2000, 3, 300_000, 0,
        3, Optional.empty(), Optional.empty(), Optional.empty(),
        ZooCfgSpec.DEFAULT_FOUR_LETTER_WORDS);
  }

  /** The parsed {@code zoo-cfg-extra}. */
  public ZooCfgExtra extra() {
    return extra(zooCfgExtra);
  }

  /** The purge settings ZooKeeper gets. */
  public Autopurge autopurge() {
    return Autopurge.fromCleanup(cleanupMaxFiles, cleanupPeriodMs);
  }

  /** {@code javaEnvironment} split on white space; empty for none. */
  public List<String> jvmOptions() {
    String trimmed = javaEnvironment.strip();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
  }

  /** This with another heap. */
  public ZooKeeperSettings withHeapMb(int mb) {
    return new ZooKeeperSettings(zooCfgExtra, javaEnvironment, mb, log4jProperties, checkPeriodMs,
        probeFailuresAllowed, readyTimeoutMs, cleanupPeriodMs, cleanupMaxFiles, dataDirectory,
        logDirectory, superDigest, fourLetterWords);
  }

  /** This with other probe settings. */
  public ZooKeeperSettings withProbes(long checkMs, int failuresAllowed, long readyMs) {
    return new ZooKeeperSettings(zooCfgExtra, javaEnvironment, heapMb, log4jProperties, checkMs,
        failuresAllowed, readyMs, cleanupPeriodMs, cleanupMaxFiles, dataDirectory, logDirectory,
        superDigest, fourLetterWords);
  }

  /** This with a super digest. */
  public ZooKeeperSettings withSuperDigest(String digest) {
    return new ZooKeeperSettings(zooCfgExtra, javaEnvironment, heapMb, log4jProperties,
        checkPeriodMs, probeFailuresAllowed, readyTimeoutMs, cleanupPeriodMs, cleanupMaxFiles,
        dataDirectory, logDirectory, Optional.of(digest), fourLetterWords);
  }

  /** This with other extras, JVM options and log4j configuration. */
  public ZooKeeperSettings withText(String extra, String jvm, Optional<String> log4j) {
    return new ZooKeeperSettings(extra, jvm, heapMb, log4j, checkPeriodMs, probeFailuresAllowed,
        readyTimeoutMs, cleanupPeriodMs, cleanupMaxFiles, dataDirectory, logDirectory,
        superDigest, fourLetterWords);
  }

  /** This with other directories (for servers without a volume). */
  public ZooKeeperSettings withDirectories(Optional<String> data, Optional<String> log) {
    return new ZooKeeperSettings(zooCfgExtra, javaEnvironment, heapMb, log4jProperties,
        checkPeriodMs, probeFailuresAllowed, readyTimeoutMs, cleanupPeriodMs, cleanupMaxFiles,
        data, log, superDigest, fourLetterWords);
  }

  /** This with other purge settings. */
  public ZooKeeperSettings withCleanup(long periodMs, int maxFiles) {
    return new ZooKeeperSettings(zooCfgExtra, javaEnvironment, heapMb, log4jProperties,
        checkPeriodMs, probeFailuresAllowed, readyTimeoutMs, periodMs, maxFiles, dataDirectory,
        logDirectory, superDigest, fourLetterWords);
  }

  private static ZooCfgExtra extra(String text) {
    return ZooCfgSpec.nativeMode("d", "f").withExtra(ZooCfgExtra.parse(text)).extra();
  }

  private static void requirePath(String name, String path) {
    if (path.isBlank() || !path.equals(path.strip()) || path.indexOf('\\') >= 0
        || path.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(name + " '" + path
          + "' is blank or has surrounding white space, a backslash or a control character");
    }
  }
}
