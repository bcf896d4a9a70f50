package org.exhibitormesos.cli;

import com.google.gson.JsonParseException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.StatusView;

/**
 * Runs one client command line: parses it, calls the API, prints the answer, and says how it ended.
 * Not thread-safe (it writes to the given streams); one instance per run.
 */
final class Cli {
  private static final int SHOWN_BODY = 200;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Function<URI, ApiClient> clients;
  private final CommandLineParser parser = new CommandLineParser();

  /**
   * @param out where answers and help go
   * @param err where errors go
   * @param env the environment, for {@code EM_API}
   * @param clients makes an API client for a base URL
   */
  Cli(PrintStream out, PrintStream err, Map<String, String> env, Function<URI, ApiClient> clients) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
    this.clients = clients;
  }

  /** @param args the command name, then its arguments */
  ExitCode run(List<String> args) {
    if (args.isEmpty()) {
      out.print(HelpText.general());
      return ExitCode.OK;
    }
    String name = args.get(0);
    List<String> rest = args.subList(1, args.size());
    if (name.equals("help") || name.equals("-h") || name.equals("--help")) {
      return help(rest);
    }
    Optional<ClientCommand> command = ClientCommand.byName(name);
    if (command.isEmpty()) {
      return usage(unknownCommand(name), "Run 'exhibitor-mesos help' for the commands.");
    }
    String hint = "Run 'exhibitor-mesos help " + name + "' for its options.";
    try {
      CommandLineParser.Parsed parsed = parser.parse(command.get(), rest);
      if (parsed instanceof CommandLineParser.Help) {
        out.print(HelpText.command(command.get()));
        return ExitCode.OK;
      }
      Invocation invocation = ((CommandLineParser.Call) parsed).invocation();
      URI base = ApiUrl.resolve(invocation.api(), Optional.ofNullable(env.get(ApiUrl.ENV)));
      return call(clients.apply(base), invocation);
    } catch (UsageException e) {
      return usage(e.getMessage(), hint);
    }
  }

  private ExitCode help(List<String> rest) {
    if (rest.isEmpty()) {
      out.print(HelpText.general());
      return ExitCode.OK;
    }
    String name = rest.get(0);
    Optional<ClientCommand> command = ClientCommand.byName(name);
    if (command.isPresent()) {
      out.print(HelpText.command(command.get()));
      return ExitCode.OK;
    }
    if (HelpText.LAUNCHER_COMMANDS.containsKey(name)) {
      out.println("exhibitor-mesos " + name + ": " + HelpText.LAUNCHER_COMMANDS.get(name) + ".");
      out.println("It is run by the launcher: 'exhibitor-mesos help " + name + "' there shows its options.");
      return ExitCode.OK;
    }
    return usage(unknownCommand(name), "Run 'exhibitor-mesos help' for the commands.");
  }

  private ExitCode call(ApiClient client, Invocation invocation) {
    ClientCommand command = invocation.command();
    ApiReply reply;
    try {
      reply = client.post(command.route(), invocation.parameters(), invocation.serverWait());
    } catch (ApiUnreachableException e) {
      err.println("Error: " + e.getMessage());
      return ExitCode.UNREACHABLE;
    }
    if (invocation.json()) {
      out.print(reply.body());
      if (!reply.body().endsWith("\n")) {
        out.println();
      }
    }
    ApiResponse<StatusView> response;
    try {
      response = ApiJson.readStatusResponse(reply.body());
    } catch (JsonParseException e) {
      err.println("Error: the scheduler answered HTTP " + reply.statusCode() + " with something other than an "
          + "API answer: " + shown(reply.body()));
      return ExitCode.FAILED;
    }
    if (!response.success()) {
      err.println("Error: " + (response.message().isEmpty()
          ? "the scheduler refused (HTTP " + reply.statusCode() + ")" : response.message()));
      return ExitCode.FAILED;
    }
    if (!invocation.json()) {
      if (command != ClientCommand.STATUS && !response.message().isEmpty()) {
        out.println(response.message());
      }
      if (command.printsCluster() && response.value() != null) {
        out.print(ClusterRenderer.render(response.value()));
      }
    }
    return ExitCode.OK;
  }

  private ExitCode usage(String message, String hint) {
    err.println("Error: " + message);
    err.println(hint);
    return ExitCode.USAGE;
  }

  private static String unknownCommand(String name) {
    List<String> names = new ArrayList<>(List.of("help"));
    names.addAll(ClientCommand.names());
    names.addAll(HelpText.LAUNCHER_ORDER);
    if (HelpText.LAUNCHER_COMMANDS.containsKey(name)) {
      return "'" + name + "' is run by the launcher: exhibitor-mesos " + name + " ...";
    }
    return "unknown command '" + name + "'" + Closest.suggestion(name, names);
  }

  private static String shown(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "an empty body";
    }
    return oneLine.length() <= SHOWN_BODY ? oneLine : oneLine.substring(0, SHOWN_BODY) + "...";
  }
}
