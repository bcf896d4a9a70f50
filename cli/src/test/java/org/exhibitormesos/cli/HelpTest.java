package org.exhibitormesos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.cli.CliRun.run;

import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;
import org.testng.annotations.Test;

public class HelpTest {

  @Test
  public void helpListsEveryCommandIncludingTheLaunchersOwn() {
    CliRun r = run("help");

    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    for (String name : new String[] {"help", "status", "add", "config", "start", "stop", "remove", "scheduler",
        "local", "mesos-local"}) {
      assertThat(r.out()).containsPattern("(?m)^  " + name + " +\\S");
    }
    assertThat(run().out()).isEqualTo(r.out());
    assertThat(run("--help").out()).isEqualTo(r.out());
  }

  @Test
  public void helpForACommandListsEveryOptionItAccepts() {
    for (Command command : Command.values()) {
      String help = run("help", command.commandName()).out();
      for (ConfigOption option : ConfigOption.values()) {
        if (option.acceptedBy(command)) {
          assertThat(help).contains(String.join(", ", OptionFlags.names(option, command)) + " ")
              .contains(option.description());
        } else {
          assertThat(help).doesNotContain("--" + option.optionName() + " ");
        }
      }
      assertThat(help).contains("-a, --api <url>").contains("--json [true|false]");
    }
  }

  @Test
  public void helpAddShowsTheConstraintExamples() {
    assertThat(run("help", "add").out()).contains("-c, --cpu <number>").contains("-m, --mem <number>")
        .contains("-b, --configchangebackoff <ms>").contains("unique").contains("like:").contains("unlike:")
        .contains("cluster:rack1").contains("groupBy:3          all values are within 3 different groups")
        .contains("rack=groupBy:3,hostname=unique");
  }

  @Test
  public void eachCommandsOwnTimeout() {
    assertThat(run("help", "config").out()).contains("--timeout <ms>").contains("ZooKeeper connection timeout");
    assertThat(run("help", "start").out()).contains("--timeout <duration>").contains("0 = do not wait");
    assertThat(run("help", "stop").out()).contains("--timeout <duration>").contains("--force [true|false]");
    assertThat(run("help", "remove").out()).doesNotContain("--timeout").contains("--force [true|false]");
  }

  @Test
  public void dashDashHelpEqualsHelpCommand() {
    for (ClientCommand command : ClientCommand.values()) {
      CliRun viaFlag = run(command.commandName(), "--help");
      assertThat(viaFlag.exit()).isEqualTo(ExitCode.OK);
      assertThat(viaFlag.out()).startsWith("Usage: exhibitor-mesos " + command.commandName())
          .isEqualTo(run("help", command.commandName()).out());
    }
  }

  @Test
  public void launcherCommandsPointToTheLauncher() {
    CliRun help = run("help", "scheduler");
    assertThat(help.exit()).isEqualTo(ExitCode.OK);
    assertThat(help.out()).contains("run by the launcher");
    CliRun direct = run("mesos-local");
    assertThat(direct.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(direct.err()).startsWith("Error: 'mesos-local' is run by the launcher");
  }

  @Test
  public void unknownCommandsSuggestTheClosest() {
    CliRun r = run("stauts");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("Error: unknown command 'stauts'; did you mean 'status'?\n");
    assertThat(run("help", "confg").err()).startsWith("Error: unknown command 'confg'; did you mean 'config'?");
    assertThat(run("frobnicate").err()).startsWith("Error: unknown command 'frobnicate'\n");
  }
}
