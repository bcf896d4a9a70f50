package org.exhibitormesos.storage.file;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.StateCodec;
import org.exhibitormesos.core.state.StateFormatException;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.Versioned;

/**
 * {@code exhibitor-mesos state check|show --storage file:PATH}: verifies or prints a scheduler state
 * file without taking its lock, so it works while a scheduler runs. {@code show} hides the ZooKeeper
 * super-user secret. Exit codes: 0 ok, 1 the state is missing or unreadable, 2 usage error.
 */
public final class StateTool {
  static final String USAGE = String.join("\n",
      "Usage: exhibitor-mesos state check|show --storage file:PATH",
      "  check   decode the state and summarise it; exit 1 if it is missing or unreadable",
      "  show    print the state document (the ZooKeeper super-user secret is hidden)",
      "  --storage file:PATH   the scheduler's --storage value (default file:exhibitor-mesos.json)");

  private final PrintStream out;
  private final PrintStream err;

  StateTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new StateTool(System.out, System.err).run(List.of(args)));
  }

  int run(List<String> args) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      (args.isEmpty() ? err : out).println(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    String action = args.get(0);
    String storage = "file:exhibitor-mesos.json";
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i).equals("--storage") && i + 1 < args.size()) {
        storage = args.get(++i);
      } else if (args.get(i).startsWith("--storage=")) {
        storage = args.get(i).substring("--storage=".length());
      } else {
        return usage("unknown option '" + args.get(i) + "'");
      }
    }
    if (!action.equals("check") && !action.equals("show")) {
      return usage("unknown action '" + action + "'; accepted: check, show");
    }
    Path file;
    try {
      file = FileStateStore.parseSpec(storage);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    try {
      Optional<Versioned<byte[]>> raw = FileStateStore.readUnlocked(file);
      if (raw.isEmpty()) {
        err.println("Error: no state at " + storage + " (" + file.toAbsolutePath() + " does not exist)");
        return 1;
      }
      ClusterState state = new StateCodec().decode(raw.get().value());
      if (action.equals("check")) {
        out.println(summary(storage, raw.get().version(), state));
      } else {
        out.println(redacted(raw.get().value()));
      }
      return 0;
    } catch (StateStoreException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    } catch (StateFormatException e) {
      err.println("Error: state at " + storage + " cannot be read: " + e.getMessage());
      return 1;
    }
  }

  private int usage(String problem) {
    err.println("Error: " + problem);
    err.println(USAGE);
    return 2;
  }

  static String summary(String storage, long version, ClusterState state) {
    List<ServerId> ids = List.copyOf(state.servers().keySet());
    return "state at " + storage + " is readable: version " + version
        + ", framework id " + state.frameworkId().orElse("(none yet)")
        + ", mode " + state.mode().map(m -> m.text()).orElse("(not fixed yet)")
        + ", " + ids.size() + " server(s)" + (ids.isEmpty() ? "" : " " + IdExpression.format(ids))
        + ", " + state.releases().size() + " volume(s) to release";
  }

  static String redacted(byte[] document) {
    JsonObject doc = JsonParser.parseString(new String(document, StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject ensemble = doc.getAsJsonObject("ensemble");
    if (ensemble != null && ensemble.has("superSecret")) {
      ensemble.addProperty("superSecret", "(hidden)");
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc);
  }
}
