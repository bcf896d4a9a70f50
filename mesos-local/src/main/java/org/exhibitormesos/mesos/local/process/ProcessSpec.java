package org.exhibitormesos.mesos.local.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one executor process.
 *
 * @param command with {@code shell=true} exactly one string, run as {@code /bin/sh -c <string>}
 *     (Mesos {@code CommandInfo.shell=true}); otherwise the argv, {@code argv[0]} included
 *     ({@code CommandInfo.value} followed by {@code arguments}), resolved through the {@code PATH}
 *     of the process environment
 * @param shell whether {@code command} is a shell command line
 * @param environment the variables the process gets, on top of the launcher's passthrough ones
 *     (these win over the passthrough)
 * @param workingDirectory an existing directory, usually the sandbox
 * @param stdout file the standard output is appended to (created with its parent directories)
 * @param stderr file the standard error is appended to (created with its parent directories)
 */
public record ProcessSpec(
    List<String> command,
    boolean shell,
    Map<String, String> environment,
    Path workingDirectory,
    Path stdout,
    Path stderr) {

  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    if (shell && command.size() != 1) {
      throw new IllegalArgumentException(
          "a shell command is exactly one string, got " + command.size() + ": " + command);
    }
  }

  /** A {@code /bin/sh -c} command writing to {@code <sandbox>/stdout} and {@code stderr}. */
  public static ProcessSpec shell(String commandLine, Map<String, String> environment,
      Path sandbox) {
    return new ProcessSpec(List.of(commandLine), true, environment, sandbox,
        sandbox.resolve("stdout"), sandbox.resolve("stderr"));
  }

  /** An argv command with its output in {@code <sandbox>/stdout} and {@code stderr}. */
  public static ProcessSpec argv(List<String> argv, Map<String, String> environment,
      Path sandbox) {
    return new ProcessSpec(argv, false, environment, sandbox,
        sandbox.resolve("stdout"), sandbox.resolve("stderr"));
  }
}
