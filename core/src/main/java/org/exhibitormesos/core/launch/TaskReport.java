package org.exhibitormesos.core.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.server.Ports;

/**
 * What the executor reports about its server in every status update's {@code TaskStatus.data}
 * ({@link TaskReportCodec}). The first update (TASK_STARTING) already says whether data was found,
 * which the scheduler needs to keep identities safe: a member never votes without its data.
 *
 * @param dataFound whether the data directory held ZooKeeper data (snapshots, logs or a myid) when
 *     the task was launched
 * @param lastZxid the highest zxid in the names of the snapshot and transaction log files found
 *     at launch ({@code 0x...}); a lower bound of the last committed zxid. Empty without data
 * @param myidOnDisk the {@code myid} file's value found at launch; empty if there was none
 * @param mode the mode ZooKeeper last reported ({@link ZooKeeperMode#UNKNOWN} before it serves)
 * @param zxid the zxid ZooKeeper last reported ({@code 0x...}); empty before it serves
 * @param host the address ZooKeeper's listeners bind to
 * @param ports the task's ports
 * @param pid ZooKeeper's process id, once started
 * @param exitCode ZooKeeper's exit status, for a failed or killed process
 * @param stderrTail the last lines of ZooKeeper's standard error, for a failure; empty otherwise
 */
public record TaskReport(
    boolean dataFound,
    Optional<String> lastZxid,
    Optional<Integer> myidOnDisk,
    ZooKeeperMode mode,
    Optional<String> zxid,
    String host,
    Ports ports,
    Optional<Long> pid,
    Optional<Integer> exitCode,
    Optional<String> stderrTail) {

  private static final Pattern ZXID = Pattern.compile("0x[0-9a-f]{1,16}");

  /** @throws InvalidInputException if a zxid is not lower-case {@code 0x<hex>} */
  public TaskReport {
    Objects.requireNonNull(lastZxid, "lastZxid");
    Objects.requireNonNull(myidOnDisk, "myidOnDisk");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(zxid, "zxid");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(stderrTail, "stderrTail");
    lastZxid.ifPresent(z -> requireZxid("last zxid", z));
    zxid.ifPresent(z -> requireZxid("zxid", z));
  }

  /** The report at launch, before ZooKeeper runs. */
  public static TaskReport atLaunch(boolean dataFound, Optional<Long> lastZxid,
      Optional<Integer> myidOnDisk, String host, Ports ports) {
    return new TaskReport(dataFound, lastZxid.map(TaskReport::hex), myidOnDisk,
        ZooKeeperMode.UNKNOWN, Optional.empty(), host, ports, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** A zxid as this report writes it: {@code 0x} and lower-case hex. */
  public static String hex(long zxid) {
    return "0x" + Long.toHexString(zxid);
  }

  /** This report once ZooKeeper runs as {@code pid}. */
  public TaskReport withPid(long newPid) {
    return new TaskReport(dataFound, lastZxid, myidOnDisk, mode, zxid, host, ports,
        Optional.of(newPid), exitCode, stderrTail);
  }

  /** This report with what ZooKeeper last said. */
  public TaskReport withProbe(ZooKeeperMode newMode, Optional<String> newZxid) {
    return new TaskReport(dataFound, lastZxid, myidOnDisk, newMode, newZxid, host, ports, pid,
        exitCode, stderrTail);
  }

  /** This report for a process that ended. */
  public TaskReport withExit(Optional<Integer> code, Optional<String> tail) {
    return new TaskReport(dataFound, lastZxid, myidOnDisk, ZooKeeperMode.UNKNOWN, zxid, host,
        ports, pid, code, tail);
  }

  private static void requireZxid(String what, String z) {
    if (!ZXID.matcher(z).matches()) {
      throw new InvalidInputException(what + " '" + z + "' is not 0x followed by lower-case hex");
    }
  }
}
