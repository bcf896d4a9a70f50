package org.exhibitormesos.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.mesos.local.MesosLocal;

/**
 * {@code exhibitor-mesos local}: a ZooKeeper ensemble on this machine in one command. Starts a
 * {@link LocalRun}, adds and starts the servers through the control API on the first run, prints
 * how to reach it and shows progress until SIGTERM or Ctrl-C, which stop the scheduler, then
 * mesos-local and every process it started. Exit codes: 1 when it cannot start or the scheduler
 * stops by itself, 2 for bad options; the JVM's 130/143 after SIGINT/SIGTERM.
 *
 * <p>Logs go to {@code <work-dir>/local.log}; the terminal gets the progress lines only.
 */
public final class LocalMain {
  /** The logging configuration of {@code local}, unless {@code log4j2.configurationFile} names another. */
  static final String LOG_CONFIG = "exhibitor-mesos-local-log4j2.xml";
  /** The system property the logging configuration takes the log file from. */
  static final String LOG_FILE_PROPERTY = "em.local.log";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private volatile boolean stopping;

  private LocalMain(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws InterruptedException {
    Optional<LocalOptions> options;
    try {
      options = LocalOptions.parse(Arrays.asList(args), System.getenv());
    } catch (InvalidInputException e) {
      System.err.println("Error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.isEmpty()) {
      System.out.print(LocalOptions.USAGE);
      return;
    }
    Path log = options.get().workDir().resolve("local.log");
    try {
      Files.createDirectories(options.get().workDir());
    } catch (IOException e) {
      System.err.println("Error: cannot create the work dir " + options.get().workDir() + ": " + e.getMessage());
      System.exit(1);
    }
    // Before the first logger exists. Logging is shut down by this run's own exit hook, after
    // the scheduler and mesos-local logged their stop (log4j's hook would race with it).
    System.setProperty(LOG_FILE_PROPERTY, log.toString());
    System.setProperty("log4j2.shutdownHookEnabled", "false");
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    System.exit(new LocalMain(System.out).run(options.get(), log));
  }

  int run(LocalOptions options, Path log) throws InterruptedException {
    say("exhibitor-mesos local: work dir " + options.workDir() + ", log " + log);
    LocalRun run;
    try {
      run = LocalRun.start(options, System.getenv());
    } catch (InvalidInputException e) {
      System.err.println("Error: " + e.getMessage());
      return 2;
    } catch (IOException | StateStoreException | RuntimeException e) {
      String hint = String.valueOf(e.getMessage()).contains("cannot bind the API")
          ? "; pass --api-port P (0 = a free port)" : "";
      System.err.println("Error: cannot start: " + e.getMessage() + hint + " (details in " + log + ")");
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(run), "local-stop"));
    MesosLocal mesos = run.mesos();
    List<MesosLocal.AgentView> agents = mesos.agents();
    say("mesos-local master " + mesos.masterUrl() + ", " + agents.size() + " agents on "
        + agents.get(0).endpoint().host() + (agents.size() > 1 ? ".." + agents.get(agents.size() - 1).endpoint().host()
        : "") + (options.attributes().isEmpty() ? "" : " with attributes " + options.attributes()));
    say("scheduler API " + run.apiUrl() + " (mode " + options.mode().text() + "); for the CLI in another terminal:");
    out.println("  export EM_API=" + run.apiUrl());
    out.flush();
    Thread watchdog = new Thread(() -> exitWhenSchedulerFails(run, log), "local-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    ControlClient api = new ControlClient(run.apiUrl());
    try {
      addServers(api, options);
    } catch (IOException e) {
      if (!stopping) {
        System.err.println("Error: cannot add the servers: " + e.getMessage() + " (details in " + log + ")");
        return 1;
      }
    }
    watch(api);
    return 0;
  }

  /** The first run on a work dir adds and starts the servers; later runs find them in the state. */
  private void addServers(ControlClient api, LocalOptions options) throws IOException, InterruptedException {
    List<ServerView> existing = api.status().response().value().servers();
    if (!existing.isEmpty()) {
      say("the state has " + existing.size() + " servers: adding none; the scheduler relaunches those that should"
          + " run ('exhibitor-mesos start <ids>' starts the others)");
      return;
    }
    if (options.servers() == 0) {
      say("no servers to add (--servers 0): add them with 'exhibitor-mesos add'");
      return;
    }
    String ids = options.servers() == 1 ? "0" : "0.." + (options.servers() - 1);
    ControlClient.Answer added = api.post(ApiRoutes.ADD, Map.of(ApiRoutes.ID, ids, "mem",
        Integer.toString(options.serverMemMb())));
    if (!added.ok()) {
      throw new IOException("add " + ids + " answered " + added.status() + ": " + added.response().message());
    }
    ControlClient.Answer started = api.post(ApiRoutes.START, Map.of(ApiRoutes.ID, ids, ApiRoutes.TIMEOUT, "0"));
    if (!started.ok()) {
      throw new IOException("start " + ids + " answered " + started.status() + ": " + started.response().message());
    }
    say("added and started servers " + ids + " (" + options.serverMemMb() + " MB each); waiting for them to run");
  }

  /** Prints what changes, once a second, until the JVM exits. */
  private void watch(ControlClient api) throws InterruptedException {
    Progress progress = new Progress();
    String lastError = "";
    while (true) {
      try {
        ControlClient.Answer answer = api.status();
        if (answer.response().value() != null && !stopping) {
          progress.update(answer.response().value()).forEach(this::say);
        }
        lastError = "";
      } catch (IOException e) {
        String error = "status failed: " + e.getMessage();
        if (!stopping && !error.equals(lastError)) {
          say(error);
        }
        lastError = error;
      }
      Thread.sleep(1000);
    }
  }

  private void exitWhenSchedulerFails(LocalRun run, Path log) {
    try {
      Optional<String> fatal = run.awaitSchedulerStop();
      if (fatal.isPresent() && !stopping) {
        System.err.println("Error: the scheduler stopped: " + fatal.get() + " (details in " + log + ")");
        System.exit(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stop(LocalRun run) {
    stopping = true;
    say("stopping: the scheduler first, then mesos-local with its executors and their ZooKeepers");
    run.close();
    say("stopped");
    LogManager.shutdown();
  }

  private void say(String line) {
    out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME) + " " + line);
    out.flush();
  }
}
