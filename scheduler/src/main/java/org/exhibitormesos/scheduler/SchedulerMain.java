package org.exhibitormesos.scheduler;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.scheduler.config.SchedulerConfig;
import org.exhibitormesos.scheduler.config.SchedulerFlags;
import org.exhibitormesos.scheduler.ha.LeadershipGate;
import org.exhibitormesos.scheduler.runtime.RunningScheduler;
import org.exhibitormesos.scheduler.runtime.SchedulerRuntime;

/**
 * {@code exhibitor-mesos scheduler}: parses the flags, opens the state (an unreadable one stops it
 * with the store's message, never a fresh start), and runs the scheduler until SIGTERM, which
 * closes everything in order. With {@code zk:} storage it runs as one of several highly available
 * instances ({@link LeadershipGate}) and exits when it loses leadership. Exit codes: 0 after SIGTERM, 1 when the state or the scheduler
 * failed, 2 for bad flags.
 */
public final class SchedulerMain {
  private SchedulerMain() {
  }

  /** The scheduler's logging configuration, unless {@code log4j2.configurationFile} names another. */
  static final String LOG_CONFIG = "exhibitor-mesos-scheduler-log4j2.xml";

  public static void main(String[] args) {
    if (System.getProperty("log4j2.configurationFile") == null) {
      // Set before the first logger exists; a plain log4j2.xml would apply to every command of the dist.
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    System.exit(run(args));
  }

  static int run(String[] args) {
    SchedulerConfig config;
    try {
      Optional<SchedulerConfig> parsed = SchedulerFlags.parse(Arrays.asList(args), System.getenv(), defaultArtifacts());
      if (parsed.isEmpty()) {
        System.out.println(SchedulerFlags.usage());
        return 0;
      }
      config = parsed.get();
    } catch (InvalidInputException e) {
      System.err.println("exhibitor-mesos scheduler: " + e.getMessage());
      return 2;
    }
    if (config.debug()) {
      Configurator.setLevel("org.exhibitormesos", Level.DEBUG);
    }
    // With zk: storage: stand by until elected, lead until stopped or leadership is lost.
    return config.highlyAvailable() ? run(() -> LeadershipGate.start(config, Clock.systemUTC()))
        : run(() -> SchedulerRuntime.start(config, Clock.systemUTC()));
  }

  /** How a scheduler starts; the exceptions are the ones reported as "cannot start". */
  private interface Starter {
    RunningScheduler start() throws IOException, InvalidInputException, StateStoreException;
  }

  private static int run(Starter starter) {
    RunningScheduler running;
    try {
      running = starter.start();
    } catch (StateStoreException e) {
      System.err.println("exhibitor-mesos scheduler: " + e.getMessage());
      return 1;
    } catch (IOException | InvalidInputException e) {
      System.err.println("exhibitor-mesos scheduler: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "shutdown"));
    try {
      Optional<String> fatal = running.awaitStop();
      if (fatal.isPresent()) {
        System.err.println("exhibitor-mesos scheduler: stopped: " + fatal.get());
        return 1;
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.close();
      return 1;
    }
  }

  /**
   * {@code <dist>/artifacts} next to the {@code lib/} folder the scheduler's jar is in, or
   * {@code artifacts/} next to a runnable jar. {@code exhibitor-mesos local} finds them the same way.
   */
  public static Path defaultArtifacts() {
    try {
      Path jar = Path.of(SchedulerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = jar.getParent();
      if (dir != null && dir.getParent() != null && Files.isDirectory(dir.getParent().resolve("artifacts"))) {
        return dir.getParent().resolve("artifacts");
      }
      return dir == null ? Path.of("artifacts") : dir.resolve("artifacts");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("artifacts");
    }
  }
}
