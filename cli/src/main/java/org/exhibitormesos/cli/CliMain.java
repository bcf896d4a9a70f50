package org.exhibitormesos.cli;

import java.util.List;

/**
 * {@code exhibitor-mesos <command> ...} for the client commands: the launcher passes the command name
 * first ({@code status}, {@code add}, {@code config}, {@code start}, {@code stop}, {@code remove},
 * {@code help}). Exits with the {@link ExitCode}'s status.
 */
public final class CliMain {
  private CliMain() {}

  public static void main(String[] args) {
    Cli cli = new Cli(System.out, System.err, System.getenv(), HttpApiClient::new);
    ExitCode exit = cli.run(List.of(args));
    System.out.flush();
    System.exit(exit.status());
  }
}
