package org.exhibitormesos.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.exhibitormesos.scheduler.config.SchedulerFlags;
import org.testng.annotations.Test;

/**
 * The README's quick start and reference tables against the code, so they cannot drift: the
 * commands, each command's options and the scheduler's flags as the built launcher's help shows
 * them, the API routes the scheduler registers, and the Marathon example's flags as the scheduler
 * parses them.
 */
public class ReadmeReferenceIT {
  private static final Path HOME = Path.of(System.getProperty("dist.home"));
  private static final String VERSION = System.getProperty("dist.version");
  private static final Path ROOT = Path.of("..");
  private static final Pattern LONG_OPTION = Pattern.compile("--[a-z][a-z0-9-]*");
  private static final Pattern HELP_OPTION = Pattern.compile("^\\s+(?:-\\w, )?(--[a-z][a-z0-9-]*)");
  private static final Set<String> CLIENT_COMMON = Set.of("--api", "--json", "--help");

  private static String readme() throws Exception {
    return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  public void quickStartIsTwoCommandsAndTheSecondIsWhatCiRuns() throws Exception {
    String section = section(readme(), "## Quick start");
    int open = section.indexOf("```sh\n");
    String block = section.substring(open + 6, section.indexOf("```", open + 6));
    List<String> commands = Arrays.stream(block.split("\n")).map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    String dist = "dist/target/exhibitor-mesos-" + VERSION + "/exhibitor-mesos-" + VERSION;
    assertThat(HOME.normalize().toString()).endsWith(dist);
    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(commands).containsExactly("mvn -B -q -DskipTests package && " + dist + "/bin/exhibitor-mesos local",
        ci.get(ci.size() - 1));
  }

  @Test
  public void commandsTableListsWhatTheLauncherKnows() throws Exception {
    Set<String> inReadme = new TreeSet<>();
    for (List<String> row : table(readme(), "### Commands")) {
      inReadme.add(row.get(0).replace("`", "").strip());
    }
    Set<String> launcher = new TreeSet<>();
    for (String line : LauncherIT.run("help").out().split("\n")) {
      Matcher m = Pattern.compile("^  ([a-z-]+) ").matcher(line);
      if (m.find()) {
        launcher.add(m.group(1));
      }
    }
    assertThat(inReadme).contains("local", "scheduler", "status").isEqualTo(launcher);
  }

  @Test
  public void schedulerFlagsTableIsTheSchedulersFlags() throws Exception {
    assertThat(longOptions(table(readme(), "### Scheduler flags"))).contains("--master", "--storage").isEqualTo(helpOptions(SchedulerFlags.usage()))
        .isEqualTo(helpOptions(LauncherIT.run("help", "scheduler").out()));
  }

  @Test
  public void localOptionsTableIsLocalsOptions() throws Exception {
    LauncherIT.Result help = LauncherIT.run("help", "local");
    assertThat(help.exit()).isZero();
    assertThat(longOptions(table(readme(), "### local options"))).contains("--agents", "--agent-address-block")
        .isEqualTo(helpOptions(help.out()));
  }

  @Test
  public void clientCommandTablesAreTheCliOptions() throws Exception {
    List<List<String>> serverRows = table(readme(), "### Server options");
    Set<String> all = longOptions(serverRows);
    Set<String> add = new TreeSet<>();
    for (List<String> row : serverRows) {
      if (row.get(1).strip().equals("add")) {
        add.addAll(longOptions(List.of(row)));
      }
    }
    assertThat(all).hasSizeGreaterThan(add.size()).contains("--zoo-cfg-extra");
    assertThat(add).contains("--mem", "--constraints");
    List<List<String>> commands = table(readme(), "### Client commands");
    assertThat(commands).hasSize(6);
    for (List<String> row : commands) {
      String command = row.get(0).replace("`", "").split(" ")[0];
      Set<String> expected = new TreeSet<>(CLIENT_COMMON);
      if (command.equals("add")) {
        expected.addAll(add);
      } else if (command.equals("config")) {
        expected.addAll(all);
      } else {
        expected.addAll(longOptions(List.of(row)));
      }
      LauncherIT.Result help = LauncherIT.run("help", command);
      assertThat(help.exit()).isZero();
      assertThat(expected).as(command).isEqualTo(helpOptions(help.out()));
    }
  }

  @Test
  public void apiTableIsTheRoutesTheSchedulerServes() throws Exception {
    Set<String> inReadme = new TreeSet<>();
    for (List<String> row : table(readme(), "## API reference")) {
      inReadme.add(row.get(0).replace("`", "").strip());
    }
    Set<String> routes = new TreeSet<>(ApiRoutes.ALL);
    routes.add("/health");
    routes.add(ArtifactServer.PREFIX + "<name>");
    assertThat(inReadme).isEqualTo(routes);
  }

  @Test
  public void marathonExampleRunsTheRunnableJarWithFlagsTheSchedulerAccepts() throws Exception {
    JsonObject app = JsonParser.parseString(Files.readString(HOME.resolve("examples/marathon-scheduler.json")))
        .getAsJsonObject();
    JsonObject health = app.getAsJsonArray("healthChecks").get(0).getAsJsonObject();
    assertThat(health.get("path").getAsString()).isEqualTo("/health");
    String cmd = app.get("cmd").getAsString();
    String jar = "exhibitor-mesos-scheduler-" + VERSION + "-all.jar";
    assertThat(HOME.resolve(jar)).exists();
    assertThat(cmd).contains("cd exhibitor-mesos-" + VERSION + " && ").contains("-jar " + jar + " ");
    List<String> flags = List.of(cmd.substring(cmd.indexOf(jar) + jar.length()).strip()
        .replace("$HOST", "10.0.0.5").replace("$PORT0", "31005").split("\\s+"));
    var config = SchedulerFlags.parse(flags, Map.of("USER", "marathon"), HOME.resolve("artifacts")).orElseThrow();
    assertThat(config.apiUrl()).isEqualTo("http://10.0.0.5:31005");
    assertThat(config.storage()).startsWith("zk:");
    assertThat(app.getAsJsonArray("fetch").get(0).getAsJsonObject().get("uri").getAsString())
        .endsWith("exhibitor-mesos-" + VERSION + ".tar.gz");
  }

  /** The text from {@code heading} to the next heading of any level. */
  static String section(String text, String heading) {
    int start = text.indexOf("\n" + heading + "\n");
    assertThat(start).as("README heading " + heading).isNotNegative();
    int next = text.indexOf("\n#", start + heading.length() + 2);
    return text.substring(start + 1, next < 0 ? text.length() : next);
  }

  /** The body rows of the first table in a section, cells split on unescaped pipes. */
  static List<List<String>> table(String text, String heading) {
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : section(text, heading).split("\n")) {
      if (line.startsWith("|")) {
        if (line.startsWith("|---")) {
          inTable = true;
        } else if (inTable) {
          List<String> cells = new ArrayList<>();
          for (String cell : line.substring(1).split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
          }
          rows.add(cells.subList(0, cells.size() - 1));
        }
      } else if (inTable) {
        break;
      }
    }
    assertThat(rows).as("table under " + heading).isNotEmpty();
    return rows;
  }

  /** The long options named in the rows' first cells. */
  private static Set<String> longOptions(List<List<String>> rows) {
    Set<String> out = new TreeSet<>();
    for (List<String> row : rows) {
      String cell = row.size() > 1 && row.get(0).contains("<ids>") ? row.get(1) : row.get(0);
      Matcher m = LONG_OPTION.matcher(cell);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** The long options a help text lists, one per line at its start. */
  private static Set<String> helpOptions(String help) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : help.split("\n")) {
      Matcher m = HELP_OPTION.matcher(line);
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return new TreeSet<>(out);
  }
}
