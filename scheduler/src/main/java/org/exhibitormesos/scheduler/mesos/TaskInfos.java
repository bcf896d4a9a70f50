package org.exhibitormesos.scheduler.mesos;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.exhibitormesos.core.ids.ServerId;

/**
 * Builds the {@link TaskInfo} of one server launch: the custom executor run by {@code java} from the
 * fetched jar with the ZooKeeper distribution extracted next to it, the task's resources exactly as
 * given (reserved ones byte-for-byte as offered), and the launch spec as {@code data}.
 *
 * <p>The executor declares no resources of its own: the container gets the task's, which are what
 * was reserved for the server, and a fresh executor id per launch never has to match an earlier
 * ExecutorInfo.
 */
public final class TaskInfos {
  /** How long ZooKeeper gets to stop after a kill before it is killed hard. */
  public static final long KILL_GRACE_SECONDS = 10;
  private static final Pattern SAFE_OPTION = Pattern.compile("[A-Za-z0-9._:=+,/@%-]+");

  private final ExecutorArtifacts artifacts;

  public TaskInfos(ExecutorArtifacts artifacts) {
    this.artifacts = artifacts;
  }

  /**
   * @param javaOptions the server's {@code java-options}, appended to the executor JVM's options
   *     (each must be a plain token; the command runs through a shell)
   */
  public TaskInfo build(ServerId server, String taskId, String executorId, String agentId, List<Resource> resources,
      byte[] data, String javaOptions) {
    return TaskInfo.newBuilder()
        .setName("exhibitor-" + server)
        .setTaskId(TaskID.newBuilder().setValue(taskId))
        .setAgentId(AgentID.newBuilder().setValue(agentId))
        .setExecutor(ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.CUSTOM)
            .setExecutorId(ExecutorID.newBuilder().setValue(executorId))
            .setName("exhibitor-mesos executor for server " + server)
            .setCommand(command(javaOptions)))
        .addAllResources(resources)
        .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(
            DurationInfo.newBuilder().setNanoseconds(KILL_GRACE_SECONDS * 1_000_000_000L)))
        .setData(ByteString.copyFrom(data))
        .build();
  }

  CommandInfo command(String javaOptions) {
    List<String> options = new ArrayList<>(artifacts.jvmOptions());
    for (String o : javaOptions.strip().split("\\s+")) {
      if (o.isEmpty()) {
        continue;
      }
      if (!SAFE_OPTION.matcher(o).matches()) {
        throw new IllegalArgumentException("java-options entry '" + o + "' has characters a shell would interpret");
      }
      options.add(o);
    }
    // Through a shell so that the agent's JAVA_HOME is used when set, and java on the PATH otherwise.
    String value = "exec \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" " + String.join(" ", options) + " -jar "
        + artifacts.executorJarName();
    CommandInfo.Builder command = CommandInfo.newBuilder().setShell(true).setValue(value)
        .addUris(CommandInfo.URI.newBuilder().setValue(artifacts.executorJarUrl()).setExtract(false)
            .setExecutable(false).setOutputFile(artifacts.executorJarName()))
        .addUris(CommandInfo.URI.newBuilder().setValue(artifacts.zookeeperDistUrl()).setExtract(true)
            .setOutputFile("zookeeper-dist.tar.gz"));
    // Exhibitor mode: extracted as exhibitor-bundle/, where the executor looks for it first.
    artifacts.exhibitorBundleUrl().ifPresent(url -> command.addUris(CommandInfo.URI.newBuilder().setValue(url)
        .setExtract(true).setOutputFile("exhibitor-bundle.tar.gz")));
    return command.build();
  }
}
