package org.exhibitormesos.it.fault;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates control API requests that must all be refused with a 4xx and change nothing: bad ids,
 * numbers, constraints and durations, unknown keys, duplicated parameters, malformed encodings and
 * bodies, oversized bodies and wrong methods. Each request has exactly one thing wrong that the
 * scheduler must notice; the rest is valid for an ensemble of servers 0..2 (ids 3..254 unused).
 */
final class BadRequests {
  /** One request; {@code contentType} and {@code body} are null for none. */
  record Request(String method, String path, String contentType, String body) {
    @Override
    public String toString() {
      return method + " " + abbreviate(path) + (body == null ? "" : " [" + contentType + "] " + abbreviate(body));
    }

    private static String abbreviate(String s) {
      return s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
    }
  }

  static final List<String> BAD_IDS = List.of("", "x", "-1", "1..", "..1", "3..1", "1,,2", "99999999999999999999",
      "1.5", "0x1", "\uD83D\uDCA5", "a..b", "0..2..4", "--1", "1e3", "%", "null", "[1]", "{}", "2147483648", "255",
      "0..300", "7;8", "7 8");
  static final List<String> BAD_NUMBERS = List.of("-1", "abc", "NaN", "Infinity", "-Infinity", "1e999", "0x10",
      "1,5", "--2", "-0.5", "\uD83D\uDCA5", "1..2", "true");
  static final List<String> BAD_CONSTRAINTS = List.of("hostname=bogus", "rack", "=unique", "rack=like:[",
      "rack=groupBy:0", "rack=groupBy:x", "rack=unlike:(", "hostname=unique,,", ",", "a=b=c", "rack=groupBy:-1",
      "rack=cluster:", "rack=like", "hostname=unique;rack=unique", "rack=GROUPBY:2");
  static final List<String> BAD_DURATIONS = List.of("soon", "-5s", "5 parsecs", "1.5.5s", "s", "99999999999999999999d",
      "5ss", "abc", "-1", "\uD83D\uDCA5", "5s5");
  static final List<String> UNKNOWN_KEYS = List.of("nosuchoption", "memm", "cpus", "ID", "Id", "timeout2", "x-y",
      "constraint", "stickiness", "failover", "\uD83D\uDCA5", "");
  static final List<String> DURATION_OPTIONS = List.of("stickiness-period", "failover-delay", "failover-max-delay");
  static final List<String> NUMBER_OPTIONS = List.of("cpu", "mem", "disk");
  static final List<String> COMMANDS = List.of("add", "config", "start", "stop", "remove");
  static final List<String> WRONG_METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS");

  private final Random random;
  private int nextNewId = 3;

  BadRequests(long seed) {
    this.random = new Random(seed);
  }

  List<Request> generate(int count) {
    List<Request> out = new ArrayList<>();
    while (out.size() < count) {
      out.add(next());
    }
    return out;
  }

  private Request next() {
    return switch (random.nextInt(12)) {
      case 0 -> get(pick(COMMANDS), "id=" + enc(pick(BAD_IDS)));
      case 1 -> get("add", "id=" + newId() + "&" + pick(NUMBER_OPTIONS) + "=" + enc(pick(BAD_NUMBERS)));
      case 2 -> get(pick(List.of("add", "config")), idFor() + "&constraints=" + enc(pick(BAD_CONSTRAINTS)));
      case 3 -> get("config", "id=" + existing() + "&" + pick(DURATION_OPTIONS) + "=" + enc(pick(BAD_DURATIONS)));
      case 4 -> get(pick(List.of("start", "stop")), "id=" + existing() + "&timeout=" + enc(pick(BAD_DURATIONS)));
      case 5 -> get(pick(COMMANDS), "id=" + existing() + "&" + enc(pick(UNKNOWN_KEYS)) + "=1");
      case 6 -> get(pick(List.of("stop", "remove")), "id=" + existing() + "&force=" + enc(pick(List.of("maybe",
          "2", "truee", "", "\uD83D\uDCA5", "null"))));
      case 7 -> get(pick(List.of("config", "start", "stop", "remove")), "id=" + unused() + (random.nextBoolean()
          ? "" : "&mem=200"));
      case 8 -> new Request(pick(WRONG_METHODS), "/api/" + pick(List.of("add", "config", "start", "stop", "remove",
          "status")) + "?id=" + newId(), null, null);
      case 9 -> body();
      case 10 -> get(pick(COMMANDS), "id=" + existing() + "&id=" + existing());
      default -> malformed();
    };
  }

  private Request body() {
    String route = "/api/" + pick(COMMANDS);
    return switch (random.nextInt(7)) {
      case 0 -> new Request("POST", route, "application/x-www-form-urlencoded",
          "id=" + newId() + "&mem=200&java-options=" + "x".repeat(70 * 1024));
      case 1 -> new Request("POST", route, "application/json", "{\"id\": \"" + newId() + "\", \"mem\": 200");
      case 2 -> new Request("POST", route, "application/json", "[\"id\", \"" + newId() + "\"]");
      case 3 -> new Request("POST", route, "application/json", "{\"id\": {\"value\": " + newId() + "}}");
      case 4 -> new Request("POST", route, "application/json", "{\"id\": null}");
      case 5 -> new Request("POST", route, "text/plain", "id=" + newId());
      default -> new Request("POST", route + "?id=" + newId(), "application/x-www-form-urlencoded",
          "id=" + newId());
    };
  }

  private Request malformed() {
    return switch (random.nextInt(4)) {
      case 0 -> new Request("GET", "/api/" + pick(COMMANDS) + "?id=%zz", null, null);
      case 1 -> new Request("GET", "/api/" + pick(COMMANDS) + "?id=" + newId() + "&mem=%e2%82", null, null);
      case 2 -> new Request("GET", "/api/" + pick(List.of("add2", "Add", "api", "", "add/", "status/x")) + "?id="
          + newId(), null, null);
      default -> new Request("GET", "/api/add?id=" + newId() + "&cpu=" + "9".repeat(5000), null, null);
    };
  }

  private Request get(String command, String query) {
    return new Request(random.nextBoolean() ? "GET" : "POST", "/api/" + command + "?" + query, null, null);
  }

  /** An id to add: a new id where the rest of the request is the fault, sometimes an existing one. */
  private String idFor() {
    return random.nextInt(4) == 0 ? existing() : Integer.toString(newId());
  }

  private int newId() {
    nextNewId = nextNewId >= 254 ? 3 : nextNewId + 1;
    return nextNewId;
  }

  private String existing() {
    return pick(List.of("0", "1", "2", "0..2", "*", "1,2"));
  }

  private String unused() {
    return pick(List.of("9", "3..5", "254", "200,201"));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
