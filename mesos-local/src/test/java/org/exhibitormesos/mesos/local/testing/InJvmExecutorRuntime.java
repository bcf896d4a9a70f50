package org.exhibitormesos.mesos.local.testing;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.mesos.http.executor.ExecutorEnvironment;
import org.exhibitormesos.mesos.http.executor.ExecutorListener;
import org.exhibitormesos.mesos.http.executor.MesosExecutorClient;
import org.exhibitormesos.mesos.local.agent.ExecutorLaunch;
import org.exhibitormesos.mesos.local.agent.ExecutorRuntime;
import org.exhibitormesos.mesos.local.agent.RunningExecutor;

/**
 * Test stand-in for executor processes: each "container" is a {@link MesosExecutorClient} in this
 * JVM speaking HTTP to the agent. On LAUNCH it sends TASK_RUNNING (after running the task's data as
 * a tiny script: {@code write <file> <text>} or {@code read <file>}, whose content becomes the
 * update's message); KILL -> TASK_KILLED; SHUTDOWN -> TASK_KILLED for all, then exit 0.
 */
public final class InJvmExecutorRuntime implements ExecutorRuntime {
  /** Launches seen, for assertions. */
  public final List<ExecutorLaunch> launches = new CopyOnWriteArrayList<>();
  public final List<Fake> running = new CopyOnWriteArrayList<>();
  /** When set, executors ignore SHUTDOWN (to test the forced kill). */
  public volatile boolean ignoreShutdown;
  /** When set, executors never subscribe (to test the registration timeout). */
  public volatile boolean neverSubscribe;

  @Override
  public Path createSandbox(ExecutorLaunch l) throws IOException {
    return Files.createDirectories(l.agentWorkDir().resolve("slaves").resolve(l.agentId())
        .resolve("frameworks").resolve(l.frameworkId()).resolve("executors")
        .resolve(l.executorId()).resolve("runs").resolve(l.containerId()));
  }

  @Override
  public RunningExecutor start(ExecutorLaunch launch, Path sandbox) {
    launches.add(launch);
    Fake fake = new Fake(launch, sandbox);
    running.add(fake);
    if (!neverSubscribe) {
      fake.client.start();
    }
    return fake;
  }

  @Override
  public void close() {
    running.forEach(Fake::kill);
  }

  /** One in-JVM executor. */
  public final class Fake implements RunningExecutor, ExecutorListener {
    final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    final MesosExecutorClient client;
    final Path sandbox;
    final Map<String, TaskID> tasks = new HashMap<>();

    Fake(ExecutorLaunch l, Path sandbox) {
      this.sandbox = sandbox;
      ExecutorEnvironment env = new ExecutorEnvironment(l.agentEndpoint(), l.frameworkId(),
          l.executorId(), sandbox, l.checkpoint(),
          l.checkpoint() ? Optional.of(l.recoveryTimeout()) : Optional.empty(),
          l.checkpoint() ? Optional.of(l.subscriptionBackoffMax()) : Optional.empty(),
          l.shutdownGrace(), Optional.empty());
      client = new MesosExecutorClient(env, this, MesosExecutorClient.defaultBackoff(env), thread,
          Clock.systemUTC());
    }

    @Override
    public void onSubscribed(Event.Subscribed subscribed) {}

    @Override
    public void onEvent(Event event) {
      switch (event.getType()) {
        case LAUNCH -> {
          TaskID id = event.getLaunch().getTask().getTaskId();
          tasks.put(id.getValue(), id);
          String message = run(event.getLaunch().getTask().getData().toStringUtf8());
          client.update(TaskStatus.newBuilder().setTaskId(id).setState(TaskState.TASK_RUNNING)
              .setMessage(message).build());
        }
        case KILL -> {
          TaskID id = event.getKill().getTaskId();
          tasks.remove(id.getValue());
          client.update(TaskStatus.newBuilder().setTaskId(id).setState(TaskState.TASK_KILLED)
              .build());
        }
        case SHUTDOWN -> {
          if (ignoreShutdown) {
            return;
          }
          tasks.values().forEach(id -> client.update(TaskStatus.newBuilder().setTaskId(id)
              .setState(TaskState.TASK_KILLED).build()));
          tasks.clear();
          thread.execute(() -> {
            try {
              client.awaitAllAcknowledged(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
          thread.execute(() -> stop(0));
        }
        default -> { }
      }
    }

    private String run(String script) {
      String[] words = script.split(" ", 3);
      try {
        if (words[0].equals("write")) {
          Files.writeString(sandbox.resolve(words[1]), words[2], StandardCharsets.UTF_8);
          return "wrote " + words[1];
        }
        if (words[0].equals("read")) {
          return Files.readString(sandbox.resolve(words[1]), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        return "error: " + e;
      }
      return "";
    }

    @Override
    public void onGaveUp(String reason) {
      stop(0);
    }

    public MesosExecutorClient client() {
      return client;
    }

    public void sendMessage(String text) throws Exception {
      client.message(ByteString.copyFromUtf8(text)).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The executor exits by itself with {@code code}. */
    public void stop(int code) {
      new Thread(() -> {
        client.close();
        thread.shutdownNow();
        exit.complete(code << 8);
      }).start();
    }

    @Override
    public long pid() {
      return -1;
    }

    @Override
    public CompletableFuture<Integer> exit() {
      return exit;
    }

    @Override
    public void terminate(Duration grace) {
      kill();
    }

    @Override
    public void kill() {
      client.close();
      thread.shutdownNow();
      exit.complete(9);
    }

    @Override
    public boolean isAlive() {
      return !exit.isDone();
    }
  }
}
