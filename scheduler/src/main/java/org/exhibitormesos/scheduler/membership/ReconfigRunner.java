package org.exhibitormesos.scheduler.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.membership.MembershipStep;

/**
 * Performs one planned reconfiguration: sends it (conditional on the version it was planned from),
 * retries NoQuorum, InProgress and Unknown after a backoff up to the configured tries, and follows an
 * applied change with a barrier write. Retrying the same conditional step is safe: if an earlier try
 * did commit, the retry answers BadVersion and the driver re-plans from a fresh read.
 */
final class ReconfigRunner {
  private static final Logger LOG = LogManager.getLogger(ReconfigRunner.class);

  /** How a run ended. */
  enum Outcome {
    /** The configuration changed (and the barrier committed, or a Waiting event says it did not). */
    CHANGED,
    /** The configuration moved under the step: read again and plan again, at once. */
    REPLAN,
    /** Not applied; a Waiting or Refused event says why. The next round plans again. */
    GAVE_UP
  }

  private final MembershipSettings settings;
  private final Clock clock;
  private final MembershipListener listener;

  ReconfigRunner(MembershipSettings settings, Clock clock, MembershipListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  Outcome run(EnsembleClient zk, MembershipStep.Reconfigure step) {
    ReconfigResult last = null;
    for (int attempt = 1; attempt <= settings.modifyRetries(); attempt++) {
      Instant start = clock.instant();
      last = zk.reconfigure(step);
      long ms = Duration.between(start, clock.instant()).toMillis();
      LOG.info("reconfig {} (try {}/{}): {} in {} ms", describe(step), attempt, settings.modifyRetries(),
          summary(last), ms);
      if (last instanceof ReconfigResult.Applied applied) {
        listener.on(new MembershipEvent.ConfigObserved(applied.newVersion(), applied.ensemble()));
        if (!barrier(zk)) {
          listener.on(new MembershipEvent.Waiting("config version 0x" + Long.toHexString(applied.newVersion())
              + " committed; the barrier write has not committed yet"));
        }
        return Outcome.CHANGED;
      }
      if (last instanceof ReconfigResult.Stale) {
        return Outcome.REPLAN;
      }
      if (last instanceof ReconfigResult.Failed failed) {
        listener.on(new MembershipEvent.Refused("reconfig " + describe(step) + " failed: " + failed.reason()));
        return Outcome.GAVE_UP;
      }
      if (attempt < settings.modifyRetries() && !pause()) {
        break;
      }
    }
    listener.on(new MembershipEvent.Waiting("reconfig " + describe(step) + " not applied after "
        + settings.modifyRetries() + " tries: " + last));
    return Outcome.GAVE_UP;
  }

  /** A barrier write, retried like a reconfiguration; true once one committed. */
  boolean barrier(EnsembleClient zk) {
    for (int attempt = 1; attempt <= settings.modifyRetries(); attempt++) {
      Instant start = clock.instant();
      if (zk.barrierWrite()) {
        LOG.info("barrier write committed in {} ms", Duration.between(start, clock.instant()).toMillis());
        return true;
      }
      LOG.warn("barrier write did not commit (try {}/{})", attempt, settings.modifyRetries());
      if (attempt < settings.modifyRetries() && !pause()) {
        return false;
      }
    }
    return false;
  }

  /** The step for logs: version, myids in and out, and why. */
  static String describe(MembershipStep.Reconfigure step) {
    String in = step.joining().stream().map(EnsembleMember::myid).map(String::valueOf).collect(Collectors.joining(","));
    String out = step.leaving().stream().map(String::valueOf).collect(Collectors.joining(","));
    return "from version 0x" + Long.toHexString(step.fromVersion()) + " joining [" + in + "] leaving [" + out + "] ("
        + step.why() + ")";
  }

  private static String summary(ReconfigResult result) {
    if (result instanceof ReconfigResult.Applied a) {
      return "applied, config version 0x" + Long.toHexString(a.newVersion()) + " with voters "
          + a.ensemble().voters().stream().map(EnsembleMember::myid).toList() + " and observers "
          + a.ensemble().observers().stream().map(EnsembleMember::myid).toList();
    }
    return result.toString();
  }

  /** Waits the backoff; false when interrupted (the driver is closing), with the flag kept. */
  private boolean pause() {
    try {
      Thread.sleep(settings.modifyBackoff().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
