package org.exhibitormesos.scheduler.membership.exhibitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhibitormesos.exhibitor.client.ExhibitorClient;
import org.exhibitormesos.exhibitor.client.ServersSpec;

/**
 * One Exhibitor's REST API on 127.0.0.1 with its own config: {@code config/get-state} answers it,
 * {@code config/set} replaces it, {@code cluster/status} shows every host of its servers spec
 * serving with the first one leading. Can refuse the next sets. Thread safe.
 */
final class FakeExhibitor implements AutoCloseable {
  private final HttpServer server;
  private final String host;
  private JsonObject config;
  final AtomicInteger sets = new AtomicInteger();
  final AtomicInteger failNextSets = new AtomicInteger();

  FakeExhibitor(String host, String spec) throws IOException {
    this.host = host;
    config = new JsonObject();
    config.addProperty("hostname", host);
    config.addProperty("serversSpec", spec);
    config.addProperty("clientPort", 2181);
    config.add("zooCfgExtra", new JsonObject());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext(ExhibitorClient.BASE_PATH, this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  synchronized String spec() {
    return config.get("serversSpec").getAsString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring(ExhibitorClient.BASE_PATH.length());
    String body;
    int status = 200;
    synchronized (this) {
      switch (path) {
        case "config/get-state" -> {
          JsonObject state = new JsonObject();
          state.addProperty("running", true);
          state.add("config", config.deepCopy());
          body = state.toString();
        }
        case "config/set" -> {
          String posted = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (failNextSets.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            body = "{\"succeeded\":false,\"message\":\"refused by the test\"}";
          } else {
            config = JsonParser.parseString(posted).getAsJsonObject();
            sets.incrementAndGet();
            body = "{\"succeeded\":true,\"message\":\"OK\"}";
          }
        }
        case "cluster/status" -> {
          JsonArray view = new JsonArray();
          boolean first = true;
          for (ServersSpec.Entry e : ServersSpec.parse(spec()).entries()) {
            JsonObject m = new JsonObject();
            m.addProperty("code", 3);
            m.addProperty("description", "serving");
            m.addProperty("hostname", e.host());
            m.addProperty("isLeader", first);
            first = false;
            view.add(m);
          }
          body = view.toString();
        }
        default -> {
          status = 404;
          body = "no such path";
        }
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public String toString() {
    return "FakeExhibitor[" + host + "]";
  }
}
