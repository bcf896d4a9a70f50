package org.exhibitormesos.mesos.local.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.mesos.http.executor.ExecutorEnvironment;
import org.exhibitormesos.mesos.http.executor.ExecutorListener;
import org.exhibitormesos.mesos.http.executor.MesosExecutorClient;

/**
 * A tiny custom executor run as a real process by the tests ({@code java -Xmx64m -cp <test
 * classpath> ...TestExecutorMain}), using the project's {@link MesosExecutorClient}. A task's data
 * is a script: {@code write <file> <text>} (relative to the sandbox), {@code read <file>} (content
 * sent as the TASK_RUNNING message) or {@code env <NAME>}. KILL -> TASK_KILLED; the executor exits
 * when it has no task left and its updates are acknowledged; SHUTDOWN -> kills all and exits.
 */
public final class TestExecutorMain implements ExecutorListener {
  private final Map<String, TaskID> tasks = new ConcurrentHashMap<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Path sandbox;
  private MesosExecutorClient client;

  private TestExecutorMain(Path sandbox) {
    this.sandbox = sandbox;
  }

  public static void main(String[] args) throws Exception {
    ExecutorEnvironment env = ExecutorEnvironment.fromEnv(System.getenv());
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    TestExecutorMain executor = new TestExecutorMain(env.sandbox());
    executor.client = new MesosExecutorClient(env, executor, MesosExecutorClient.defaultBackoff(env),
        thread, Clock.systemUTC());
    executor.client.start();
    System.out.println("test executor started in " + env.sandbox());
    executor.done.await();
    executor.client.awaitAllAcknowledged(Duration.ofSeconds(5));
    executor.client.close();
    thread.shutdownNow();
    System.out.println("test executor exiting");
    System.exit(0);
  }

  @Override
  public void onSubscribed(Event.Subscribed subscribed) {
    System.out.println("subscribed to agent " + subscribed.getAgentInfo().getId().getValue());
  }

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
        if (tasks.isEmpty()) {
          done.countDown();
        }
      }
      case SHUTDOWN -> {
        tasks.values().forEach(id -> client.update(TaskStatus.newBuilder().setTaskId(id)
            .setState(TaskState.TASK_KILLED).build()));
        tasks.clear();
        done.countDown();
      }
      default -> { }
    }
  }

  private String run(String script) {
    String[] words = script.split(" ", 3);
    try {
      switch (words[0]) {
        case "write" -> {
          Files.writeString(sandbox.resolve(words[1]), words[2], StandardCharsets.UTF_8);
          return "wrote " + words[1];
        }
        case "read" -> {
          return Files.readString(sandbox.resolve(words[1]), StandardCharsets.UTF_8);
        }
        case "env" -> {
          return String.valueOf(System.getenv(words[1]));
        }
        default -> {
          return "";
        }
      }
    } catch (IOException e) {
      return "error: " + e;
    }
  }

  @Override
  public void onGaveUp(String reason) {
    System.out.println("gave up: " + reason);
    System.exit(1);
  }
}
