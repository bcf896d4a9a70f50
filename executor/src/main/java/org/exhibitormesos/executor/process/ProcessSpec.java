package org.exhibitormesos.executor.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a child process.
 *
 * @param name a short name for logs ({@code zookeeper})
 * @param command the program and its arguments
 * @param environment variables added to the executor's own environment
 * @param workingDirectory the child's working directory
 * @param stdoutFile where its standard output goes (size-bounded, see {@link BoundedLogFile})
 * @param stderrFile where its standard error goes (size-bounded)
 * @param maxLogBytes the bound of each output file
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment,
    Path workingDirectory, Path stdoutFile, Path stderrFile, long maxLogBytes) {

  public ProcessSpec {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(stdoutFile, "stdoutFile");
    Objects.requireNonNull(stderrFile, "stderrFile");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
  }
}
