package org.exhibitormesos.mesos.local.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.exhibitormesos.mesos.local.process.ExecutorEnvironment;
import org.exhibitormesos.mesos.local.process.ExecutorEnvironmentInput;
import org.exhibitormesos.mesos.local.process.FetchException;
import org.exhibitormesos.mesos.local.process.FetchUri;
import org.exhibitormesos.mesos.local.process.Fetcher;
import org.exhibitormesos.mesos.local.process.ManagedProcess;
import org.exhibitormesos.mesos.local.process.ProcessLauncher;
import org.exhibitormesos.mesos.local.process.ProcessSpec;
import org.exhibitormesos.mesos.local.process.Sandboxes;

/**
 * Executors as real OS processes, each the leader of its own process group and carrying the run
 * marker ({@code MESOS_LOCAL_RUN}): sandbox under the agent's work dir, URIs fetched, command run
 * ({@code shell=true}: {@code /bin/sh -c value}; else {@code value} with {@code arguments} as argv),
 * stdout/stderr files, the agent's environment variables plus {@code CommandInfo.environment}.
 */
public final class ProcessExecutorRuntime implements ExecutorRuntime {
  private static final Logger LOG = LogManager.getLogger(ProcessExecutorRuntime.class);
  private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(1);

  private final String runMarker;
  private final ProcessLauncher groupCleanup;
  private final ProcessLauncher childOnly;
  private final Fetcher fetcher = new Fetcher(FETCH_TIMEOUT);
  private volatile boolean cleanupProcessGroups;

  public ProcessExecutorRuntime(String runMarker, boolean cleanupProcessGroups) {
    this.runMarker = runMarker;
    this.groupCleanup = new ProcessLauncher(runMarker, true);
    this.childOnly = new ProcessLauncher(runMarker, false);
    this.cleanupProcessGroups = cleanupProcessGroups;
  }

  public String runMarker() {
    return runMarker;
  }

  @Override
  public Path createSandbox(ExecutorLaunch l) throws IOException {
    return Sandboxes.create(l.agentWorkDir(), l.agentId(), l.frameworkId(), l.executorId(),
        l.containerId());
  }

  @Override
  public RunningExecutor start(ExecutorLaunch launch, Path sandbox) throws LaunchFailedException {
    CommandInfo command = launch.executor().getCommand();
    List<FetchUri> uris = new ArrayList<>();
    try {
      for (CommandInfo.URI uri : command.getUrisList()) {
        uris.add(new FetchUri(uri.getValue(), uri.getExecutable(), uri.getExtract(),
            uri.hasOutputFile() ? Optional.of(uri.getOutputFile()) : Optional.empty()));
      }
      fetcher.fetch(uris, sandbox);
    } catch (FetchException | IllegalArgumentException e) {
      throw new LaunchFailedException(e.getMessage(), e);
    }
    Map<String, String> commandEnv = new LinkedHashMap<>();
    for (Environment.Variable v : command.getEnvironment().getVariablesList()) {
      if (v.getType() != Environment.Variable.Type.SECRET) {
        commandEnv.put(v.getName(), v.getValue());
      }
    }
    Map<String, String> env = ExecutorEnvironment.of(new ExecutorEnvironmentInput(
        launch.agentEndpoint(), launch.agentId(), launch.frameworkId(), launch.executorId(),
        sandbox, launch.checkpoint(), launch.recoveryTimeout(), launch.subscriptionBackoffMax(),
        launch.shutdownGrace(), false, Optional.empty(), commandEnv));
    ProcessSpec spec;
    if (!command.hasShell() || command.getShell()) {
      spec = ProcessSpec.shell(command.getValue(), env, sandbox);
    } else {
      // Mesos execs `value` with `arguments` as argv (argv[0] included); Java cannot set argv[0].
      List<String> full = new ArrayList<>();
      full.add(command.getValue());
      if (command.getArgumentsCount() > 1) {
        full.addAll(command.getArgumentsList().subList(1, command.getArgumentsCount()));
      }
      spec = ProcessSpec.argv(full, env, sandbox);
    }
    boolean groups = cleanupProcessGroups;
    try {
      ManagedProcess process = (groups ? groupCleanup : childOnly).start(spec);
      return new Running(process, groups);
    } catch (IOException | RuntimeException e) {
      throw new LaunchFailedException("cannot start " + spec.command() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void setProcessGroupCleanup(boolean on) {
    cleanupProcessGroups = on;
  }

  @Override
  public void close() {
    groupCleanup.close();
    childOnly.close();
    LOG.info("executor processes of run {} stopped", runMarker);
  }

  /** A started process; without group cleanup, kills hit only the direct child. */
  private record Running(ManagedProcess process, boolean groups) implements RunningExecutor {
    @Override
    public long pid() {
      return process.pid();
    }

    @Override
    public CompletableFuture<Integer> exit() {
      // ManagedProcess reports 128+signal for a signal; Mesos reports a POSIX wait status.
      return process.exit().thenApply(code -> code > 128 ? code - 128 : code << 8);
    }

    @Override
    public void terminate(Duration grace) {
      process.terminate(grace);
    }

    @Override
    public void kill() {
      if (groups) {
        process.kill();
      } else {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      }
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }
  }
}
