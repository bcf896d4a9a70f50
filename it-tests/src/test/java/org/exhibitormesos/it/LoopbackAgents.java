package org.exhibitormesos.it;

import java.util.concurrent.ThreadLocalRandom;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.MesosLocalConfig;

/**
 * Puts a test's mesos-local agents on their own loopback block, 127.0.N.2.., with N picked at
 * random away from mesos-local's default 127.0.0.x. Servers from another end-to-end run on this
 * machine (another build, a worktree) then never answer on this test's addresses and ports.
 */
public final class LoopbackAgents {

  private LoopbackAgents() {}

  /** A random third octet for one test class: 64..199. */
  public static int randomBlock() {
    return ThreadLocalRandom.current().nextInt(64, 200);
  }

  /** {@code config} with agent {@code i} moved to 127.0.{block}.{i + 2}; all else unchanged. */
  public static MesosLocalConfig inBlock(MesosLocalConfig config, int block) {
    int[] index = {0};
    return config.mapAgents(a -> new AgentConfig("127.0." + block + "." + (2 + index[0]++), a.port(), a.cpus(),
        a.memMb(), a.diskMb(), a.ports(), a.attributes(), a.workDir()));
  }
}
