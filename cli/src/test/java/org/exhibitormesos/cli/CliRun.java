package org.exhibitormesos.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs the CLI in this JVM with captured output; the real HTTP client is used. */
record CliRun(ExitCode exit, String out, String err) {

  static CliRun run(Map<String, String> env, String... args) {
    return run(HttpApiClient::new, env, args);
  }

  static CliRun run(Function<URI, ApiClient> clients, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      ExitCode exit = new Cli(o, e, env, clients).run(List.of(args));
      return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  /** A test resource as text. */
  static String resource(String name) {
    try (InputStream in = CliRun.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
