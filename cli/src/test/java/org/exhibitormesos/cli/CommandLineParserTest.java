package org.exhibitormesos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.config.Checked;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Parsing tables: every option, short flags, clashing names, booleans, and the usage errors. */
public class CommandLineParserTest {
  private final CommandLineParser parser = new CommandLineParser();

  private Invocation call(String command, String... args) throws UsageException {
    CommandLineParser.Parsed parsed = parser.parse(ClientCommand.byName(command).orElseThrow(), List.of(args));
    assertThat(parsed).isInstanceOf(CommandLineParser.Call.class);
    return ((CommandLineParser.Call) parsed).invocation();
  }

  private static Map<String, String> params(String... nameValue) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put(nameValue[i], nameValue[i + 1]);
    }
    return map;
  }

  /** A value of each option's kind as an operator might type it. */
  static String sample(ConfigOption option) {
    return switch (option.rule().kind()) {
      case TEXT -> "some text";
      case TEXT_BLOCK -> "export A=1\nexport B=2";
      case BOOLEAN -> "TRUE";
      case WHOLE_NUMBER -> "5";
      case MILLIS -> "15000";
      case AMOUNT -> "0.50";
      case PORT -> "2181";
      case PORT_RANGES -> "31000..31010,31050";
      case DURATION -> "2 minutes";
      case CHOICE -> option.rule().choices().get(0);
      case CONSTRAINTS -> "hostname=unique,rack=groupBy:3";
      case ZOO_CFG_EXTRA -> "syncLimit=5,tickTime=2000";
      case RETRY -> "1000:3";
    };
  }

  private static String canonical(ConfigOption option, String typed) {
    return ((Checked.Accepted) option.rule().check(typed)).canonical();
  }

  @DataProvider
  public Object[][] generatedOptions() {
    List<Object[]> rows = new ArrayList<>();
    for (Command command : Command.values()) {
      for (ConfigOption option : ConfigOption.values()) {
        if (option.acceptedBy(command)) {
          for (String flag : OptionFlags.names(option, command)) {
            rows.add(new Object[] {command.commandName(), flag, option});
          }
        }
      }
    }
    return rows.toArray(Object[][]::new);
  }

  @Test(dataProvider = "generatedOptions")
  public void everyAddAndConfigOptionIsSentUnderItsApiName(String command, String flag, ConfigOption option)
      throws Exception {
    String typed = sample(option);

    assertThat(call(command, "0..2", flag, typed).parameters())
        .containsExactlyEntriesOf(params("id", "0..2", option.optionName(), canonical(option, typed)));
    if (flag.startsWith("--")) {
      assertThat(call(command, flag + "=" + typed, "1").parameters())
          .containsExactlyEntriesOf(params("id", "1", option.optionName(), canonical(option, typed)));
    }
  }

  @Test
  public void configAcceptsEveryOptionAndAddTheOriginalsOnly() {
    assertThat(OptionFlags.of(Command.CONFIG).values()).containsExactlyInAnyOrder(ConfigOption.values());
    assertThat(OptionFlags.of(Command.ADD).keySet()).containsExactlyInAnyOrder("-c", "--cpu", "-m", "--mem", "--disk",
        "--constraints", "-b", "--configchangebackoff", "--port");
  }

  @Test
  public void addWithTheOriginalsShortFlags() throws Exception {
    Invocation add = call("add", "0,3,5..7", "-c", "0.5", "-m", "512", "-b", "5000",
        "--constraints", "hostname=unique", "--port", "31000..31010");

    assertThat(add.command()).isEqualTo(ClientCommand.ADD);
    assertThat(add.parameters()).containsExactlyEntriesOf(params("id", "0,3,5..7", "cpu", "0.5", "mem", "512",
        "configchangebackoff", "5000", "constraints", "hostname=unique", "port", "31000..31010"));
    assertThat(add.api()).isEmpty();
    assertThat(add.json()).isFalse();
  }

  @DataProvider
  public Object[][] clashingNames() {
    return new Object[][] {
        // config --timeout is Exhibitor's, in ms; start/stop --timeout is how long to wait.
        {"config", new String[] {"0", "--timeout", "15000"}, params("id", "0", "timeout", "15000"), Duration.ZERO},
        {"start", new String[] {"0", "--timeout", "30s"}, params("id", "0", "timeout", "30s"),
            Duration.ofSeconds(30)},
        {"start", new String[] {"0", "--timeout", "2 minutes"}, params("id", "0", "timeout", "2m"),
            Duration.ofMinutes(2)},
        {"start", new String[] {"0", "--timeout", "0"}, params("id", "0", "timeout", "0"), Duration.ZERO},
        {"start", new String[] {"0"}, params("id", "0"), Duration.ofSeconds(60)},
        {"stop", new String[] {"1", "--timeout", "10s"}, params("id", "1", "timeout", "10s"),
            Duration.ofSeconds(10)},
        // -m is --mem for add (it is --master for the scheduler).
        {"add", new String[] {"0", "-m", "1024"}, params("id", "0", "mem", "1024"), Duration.ZERO},
        // config --port and --hostname are the UI port ranges and Exhibitor's host name.
        {"config", new String[] {"0", "--port", "31000", "--hostname", "zk0"},
            params("id", "0", "port", "31000", "hostname", "zk0"), Duration.ZERO},
    };
  }

  @Test(dataProvider = "clashingNames")
  public void eachCommandHasItsOwnMeaningOfAName(String command, String[] args, Map<String, String> expected,
      Duration wait) throws Exception {
    Invocation invocation = call(command, args);

    assertThat(invocation.parameters()).containsExactlyEntriesOf(expected);
    assertThat(invocation.serverWait()).isEqualTo(wait);
  }

  @DataProvider
  public Object[][] booleans() {
    return new Object[][] {
        {"status", new String[] {"--json"}, true, false},
        {"status", new String[] {"--json", "true"}, true, false},
        {"status", new String[] {"--json", "FALSE"}, false, false},
        {"status", new String[] {"--json=true"}, true, false},
        {"stop", new String[] {"0", "--force"}, false, true},
        {"stop", new String[] {"--force", "true", "0"}, false, true},
        {"stop", new String[] {"--force", "false", "0", "--json"}, true, false},
    };
  }

  @Test(dataProvider = "booleans")
  public void flagsTakeAnOptionalTrueOrFalse(String command, String[] args, boolean json, boolean force)
      throws Exception {
    Invocation invocation = call(command, args);

    assertThat(invocation.json()).isEqualTo(json);
    assertThat(invocation.parameters().containsKey("force")).isEqualTo(force);
    if (force) {
      assertThat(invocation.parameters()).containsEntry("force", "true");
    }
  }

  @Test
  public void exhibitorBooleansTakeTrueOrFalseAsTheOriginalDid() throws Exception {
    assertThat(call("config", "0", "--servo", "true", "--nodemodification", "False", "--s3backup", "false")
        .parameters()).containsExactlyEntriesOf(params("id", "0", "servo", "true", "nodemodification", "false",
        "s3backup", "false"));
  }

  @Test
  public void apiFromEitherSpelling() throws Exception {
    assertThat(call("status", "-a", "http://m:7000").api()).contains("http://m:7000");
    assertThat(call("status", "--api", "http://m:7000").api()).contains("http://m:7000");
    assertThat(call("status", "--api=http://m:7000").api()).contains("http://m:7000");
  }

  @Test
  public void anEmptyValueIsSentToResetTheOption() throws Exception {
    assertThat(call("config", "0", "--constraints", "", "--java-options=").parameters())
        .containsExactlyEntriesOf(params("id", "0", "constraints", "", "java-options", ""));
  }

  @Test
  public void idsAreSentInCanonicalForm() throws Exception {
    assertThat(call("remove", "7,5,6").parameters()).containsExactlyEntriesOf(params("id", "5..7"));
    assertThat(call("stop", "*").parameters()).containsExactlyEntriesOf(params("id", "*"));
  }

  @DataProvider
  public Object[][] usageErrors() {
    return new Object[][] {
        {"add", new String[] {"0", "--cpux", "1"}, "unknown option '--cpux' for add; did you mean '--cpu'?"},
        {"config", new String[] {"0", "--zkconfigconect", "x"},
            "unknown option '--zkconfigconect' for config; did you mean '--zkconfigconnect'?"},
        {"start", new String[] {"0", "--timout", "5s"}, "unknown option '--timout' for start; did you mean '--timeout'?"},
        {"status", new String[] {"--jsn"}, "unknown option '--jsn' for status; did you mean '--json'?"},
        {"add", new String[] {"0", "--timeout", "5s"}, "unknown option '--timeout' for add"},
        {"add", new String[] {"0", "--servo", "true"}, "unknown option '--servo' for add"},
        {"status", new String[] {"--frobnicate"}, "unknown option '--frobnicate' for status"},
        {"add", new String[] {"0", "-x"}, "unknown option '-x' for add"},
        {"add", new String[] {"0.2"}, "invalid id expression '0.2'"},
        {"start", new String[] {"0,,1"}, "invalid id expression '0,,1'"},
        {"stop", new String[] {"2..1"}, "invalid id expression '2..1'"},
        {"remove", new String[] {"x"}, "invalid id expression 'x'"},
        {"start", new String[] {"*,1"}, "invalid id expression '*,1'"},
        {"add", new String[] {"255"}, "invalid id expression '255'"},
        {"add", new String[] {}, "add needs the ids of the servers"},
        {"start", new String[] {"0", "1"}, "start takes one id expression, got 2"},
        {"status", new String[] {"0"}, "status takes no server ids, got '0'"},
        {"add", new String[] {"0", "--cpu", "-1"}, "invalid value '-1' for --cpu: expected a number greater than 0"},
        {"add", new String[] {"0", "--cpu"}, "option --cpu needs a value: a number greater than 0"},
        {"config", new String[] {"0", "--servo", "yes"}, "invalid value 'yes' for --servo: expected true or false"},
        {"config", new String[] {"0", "--timeout", "30s"},
            "invalid value '30s' for --timeout: expected a whole number of milliseconds"},
        {"config", new String[] {"0", "--constraints", "rack=nearby"}, "invalid value 'rack=nearby' for --constraints"},
        {"config", new String[] {"0", "--failover-delay", "5"}, "invalid value '5' for --failover-delay"},
        {"start", new String[] {"0", "--timeout", "15000"}, "option --timeout: invalid duration '15000'"},
        {"start", new String[] {"0", "--timeout", "-5s"}, "option --timeout: invalid duration '-5s'"},
        {"stop", new String[] {"0", "--force", "--force"}, "option --force is given twice"},
        {"status", new String[] {"-a", "x", "--api", "y"}, "option --api is given twice"},
        {"add", new String[] {"0", "-m", "1", "--mem", "2"}, "option --mem is given twice"},
        {"status", new String[] {"--json=maybe"}, "option --json takes true or false, not 'maybe'"},
        {"status", new String[] {"-a"}, "option -a needs a value"},
    };
  }

  @Test(dataProvider = "usageErrors")
  public void usageErrorsNameTheProblem(String command, String[] args, String message) {
    assertThatThrownBy(() -> call(command, args)).isInstanceOf(UsageException.class).hasMessageStartingWith(message);
  }

  @Test
  public void helpWinsOverEverythingElse() throws Exception {
    for (String flag : List.of("-h", "--help")) {
      assertThat(parser.parse(ClientCommand.ADD, Arrays.asList("--bogus", flag)))
          .isEqualTo(new CommandLineParser.Help(ClientCommand.ADD));
    }
  }

  @Test
  public void theApiUrlIsOptionalUntilTheCall() throws Exception {
    assertThat(call("status").api()).isEqualTo(Optional.empty());
  }
}
