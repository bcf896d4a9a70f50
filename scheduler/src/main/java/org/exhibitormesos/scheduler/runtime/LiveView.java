package org.exhibitormesos.scheduler.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.membership.MemberProbe.Mode;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.scheduler.loop.LiveEnsemble;
import org.exhibitormesos.scheduler.loop.LiveMember;
import org.exhibitormesos.scheduler.membership.FourLetterWords;

/**
 * Probes the members of the last committed configuration with {@code srvr} every period, on its own
 * thread, and hands the live view to the state loop for the status. Read-only.
 */
final class LiveView implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(LiveView.class);

  private final Supplier<ClusterState> state;
  private final Consumer<LiveEnsemble> sink;
  private final FourLetterWords words;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "live-view");
    t.setDaemon(true);
    return t;
  });

  LiveView(Supplier<ClusterState> state, Consumer<LiveEnsemble> sink, Duration probeTimeout) {
    this.state = state;
    this.sink = sink;
    this.words = new FourLetterWords(probeTimeout, probeTimeout);
  }

  void start(Duration period) {
    thread.scheduleWithFixedDelay(this::probe, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    try {
      ClusterState s = state.get();
      if (s.ensemble().committedConfig().isEmpty()) {
        return;
      }
      Ensemble committed = DynamicConfig.parse(s.ensemble().committedConfig().get());
      List<LiveMember> members = new ArrayList<>();
      for (EnsembleMember m : committed.members()) {
        String host = m.clientAddress().substring(0, m.clientAddress().lastIndexOf(':'));
        Mode mode = words.srvr(host, m.clientPort()).mode();
        String shown = switch (mode) {
          case LEADER -> LiveMember.LEADER;
          case FOLLOWER -> LiveMember.FOLLOWER;
          case OBSERVER -> LiveMember.OBSERVER;
          default -> LiveMember.UNREACHABLE;
        };
        members.add(new LiveMember(m.myid(), m.peerHost(), m.isVoter() ? LiveMember.PARTICIPANT : LiveMember.OBSERVER,
            shown));
      }
      sink.accept(new LiveEnsemble(s.ensemble().configVersion(), committed.connectString(), members));
    } catch (RuntimeException e) {
      LOG.debug("live view probe failed: {}", e.toString().toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
