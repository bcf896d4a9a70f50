package org.exhibitormesos.core.ensemble;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Everything one server's {@code zoo.cfg} says; {@link ConfigFiles#zooCfg(ZooCfgSpec)} renders it.
 * Build one with {@link #nativeMode} or {@link #staticMode} and the {@code with*} methods.
 *
 * @param dataDir snapshot directory, holding {@code myid}; on the server's persistent volume
 * @param dataLogDir transaction log directory, if not {@code dataDir}
 * @param membership a dynamic config file (native mode) or inline server lines (static)
 * @param tickTimeMs ZooKeeper's basic time unit, ms (default 2000)
 * @param initLimit ticks a follower may take to connect and sync (default 10)
 * @param syncLimit ticks a follower may lag (default 5)
 * @param autopurge snapshot purging (default {@link Autopurge#DISABLED})
 * @param adminServer the HTTP admin server (default {@link AdminServer#DISABLED})
 * @param fourLetterWords the {@code 4lw.commands.whitelist}: 4-letter lower-case commands, or
 *     just {@code *} (default {@link #DEFAULT_FOUR_LETTER_WORDS})
 * @param superDigest base64 digest of the super user (see {@link SuperDigest}); empty for none,
 *     which leaves nobody allowed to reconfigure
 * @param extra operator entries; none may repeat a key this spec renders
 */
public record ZooCfgSpec(
    String dataDir,
    Optional<String> dataLogDir,
    Membership membership,
    int tickTimeMs,
    int initLimit,
    int syncLimit,
    Autopurge autopurge,
    AdminServer adminServer,
    List<String> fourLetterWords,
    Optional<String> superDigest,
    ZooCfgExtra extra) {

  /** The commands the scheduler and operators probe with. */
  public static final List<String> DEFAULT_FOUR_LETTER_WORDS =
      List.of("srvr", "mntr", "conf", "ruok", "stat");

  /** Keys a spec renders (besides the owned ones), so operator entries may not repeat them. */
  static final Set<String> TIMING_KEYS = Set.of("tickTime", "initLimit", "syncLimit");

  static final Set<String> RENDERED_KEYS = Set.of(
      "tickTime", "initLimit", "syncLimit", "dataLogDir", "autopurge.snapRetainCount",
      "autopurge.purgeInterval", "admin.enableServer", "admin.serverAddress", "admin.serverPort",
      "4lw.commands.whitelist", "DigestAuthenticationProvider.superDigest");

  private static final Pattern FOUR_LETTER_WORD = Pattern.compile("[a-z]{4}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  /** @throws InvalidInputException naming the field, if any field is invalid */
  public ZooCfgSpec {
    CfgValues.require("dataDir", dataDir);
    dataLogDir.ifPresent(dir -> CfgValues.require("dataLogDir", dir));
    requirePositive("tickTime", tickTimeMs);
    requirePositive("initLimit", initLimit);
    requirePositive("syncLimit", syncLimit);
    fourLetterWords = List.copyOf(fourLetterWords);
    requireFourLetterWords(fourLetterWords);
    superDigest.ifPresent(digest -> {
      if (!BASE64.matcher(digest).matches()) {
        throw new InvalidInputException("super digest '" + digest + "' is not base64");
      }
    });
    checkExtra(extra);
  }

  /**
   * Refuses operator entries for keys this spec renders from a framework setting (purge, admin
   * server, whitelist, digest, log dir). Timing keys are not refused: {@link #withExtra} takes them.
   *
   * @throws InvalidInputException naming the key
   */
  public static void checkExtra(ZooCfgExtra extra) {
    for (ZooCfgExtra.Entry entry : extra.entries()) {
      if (TIMING_KEYS.contains(entry.key())) {
        timing(entry);
        continue;
      }
      if (RENDERED_KEYS.contains(entry.key()) || entry.key().startsWith("autopurge.")
          || entry.key().startsWith("admin.")) {
        throw new InvalidInputException("zoo-cfg-extra key '" + entry.key()
            + "' is rendered from its own framework setting; set it there instead");
      }
    }
  }

  private static int timing(ZooCfgExtra.Entry entry) {
    try {
      int v = Integer.parseInt(entry.value());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("zoo-cfg-extra " + entry.key() + "=" + entry.value()
        + ": expected a whole number >= 1");
  }

  /** Native mode defaults: reconfig enabled, servers in {@code dynamicConfigFile}. */
  public static ZooCfgSpec nativeMode(String dataDir, String dynamicConfigFile) {
    return defaults(dataDir, new Membership.DynamicFile(dynamicConfigFile));
  }

  /** Static defaults for server {@code myid}: server lines inline, reconfig disabled. */
  public static ZooCfgSpec staticMode(String dataDir, Ensemble ensemble, int myid) {
    return defaults(dataDir, new Membership.Inline(ensemble, myid));
  }

  private static ZooCfgSpec defaults(String dataDir, Membership membership) {
    return new ZooCfgSpec(dataDir, Optional.empty(), membership, 2000, 10, 5,
        Autopurge.DISABLED, AdminServer.DISABLED, DEFAULT_FOUR_LETTER_WORDS, Optional.empty(),
        ZooCfgExtra.EMPTY);
  }

  /** This spec with a separate transaction log directory. */
  public ZooCfgSpec withDataLogDir(String dir) {
    return new ZooCfgSpec(dataDir, Optional.of(dir), membership, tickTimeMs, initLimit, syncLimit,
        autopurge, adminServer, fourLetterWords, superDigest, extra);
  }

  /** This spec with other timing. */
  public ZooCfgSpec withTiming(int newTickTimeMs, int newInitLimit, int newSyncLimit) {
    return new ZooCfgSpec(dataDir, dataLogDir, membership, newTickTimeMs, newInitLimit,
        newSyncLimit, autopurge, adminServer, fourLetterWords, superDigest, extra);
  }

  /** This spec with other purge settings. */
  public ZooCfgSpec withAutopurge(Autopurge newAutopurge) {
    return new ZooCfgSpec(dataDir, dataLogDir, membership, tickTimeMs, initLimit, syncLimit,
        newAutopurge, adminServer, fourLetterWords, superDigest, extra);
  }

  /** This spec with another admin server setting. */
  public ZooCfgSpec withAdminServer(AdminServer newAdminServer) {
    return new ZooCfgSpec(dataDir, dataLogDir, membership, tickTimeMs, initLimit, syncLimit,
        autopurge, newAdminServer, fourLetterWords, superDigest, extra);
  }

  /** This spec with another four-letter-word whitelist. */
  public ZooCfgSpec withFourLetterWords(List<String> words) {
    return new ZooCfgSpec(dataDir, dataLogDir, membership, tickTimeMs, initLimit, syncLimit,
        autopurge, adminServer, words, superDigest, extra);
  }

  /** This spec with a super user digest (from {@link SuperDigest#of}). */
  public ZooCfgSpec withSuperDigest(String digest) {
    return new ZooCfgSpec(dataDir, dataLogDir, membership, tickTimeMs, initLimit, syncLimit,
        autopurge, adminServer, fourLetterWords, Optional.of(digest), extra);
  }

  /**
   * This spec with operator entries. {@code tickTime}, {@code initLimit} and {@code syncLimit}
   * among them set this spec's timing (operators tune them through zoo-cfg-extra, as with
   * Exhibitor) and are not repeated as extra lines.
   */
  public ZooCfgSpec withExtra(ZooCfgExtra newExtra) {
    checkExtra(newExtra);
    int tick = tickTimeMs;
    int init = initLimit;
    int sync = syncLimit;
    List<ZooCfgExtra.Entry> rest = new java.util.ArrayList<>();
    for (ZooCfgExtra.Entry e : newExtra.entries()) {
      switch (e.key()) {
        case "tickTime" -> tick = timing(e);
        case "initLimit" -> init = timing(e);
        case "syncLimit" -> sync = timing(e);
        default -> rest.add(e);
      }
    }
    return new ZooCfgSpec(dataDir, dataLogDir, membership, tick, init, sync,
        autopurge, adminServer, fourLetterWords, superDigest, new ZooCfgExtra(rest));
  }

  private static void requirePositive(String key, int value) {
    if (value < 1) {
      throw new InvalidInputException(key + " " + value + " is not positive");
    }
  }

  private static void requireFourLetterWords(List<String> words) {
    if (words.equals(List.of("*"))) {
      return;
    }
    if (words.isEmpty()) {
      throw new InvalidInputException("4lw.commands.whitelist is empty; the scheduler needs srvr");
    }
    Set<String> seen = new HashSet<>();
    for (String word : words) {
      if (!FOUR_LETTER_WORD.matcher(word).matches()) {
        throw new InvalidInputException("four-letter word '" + word
            + "' is not 4 lower-case letters; accepted: a list like srvr,mntr or just *");
      }
      if (!seen.add(word)) {
        throw new InvalidInputException("four-letter word '" + word + "' appears twice");
      }
    }
  }
}
