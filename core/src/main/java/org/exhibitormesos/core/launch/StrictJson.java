package org.exhibitormesos.core.launch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Strict reading of one JSON object: every read names the field's path in its error, and
 * {@link #finish()} rejects the fields nobody read, so a typo is an error rather than a default.
 * Not thread safe; one instance per decode.
 */
final class StrictJson {
  private final String document;
  private final JsonObject object;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private StrictJson(String document, JsonObject object, String path) {
    this.document = document;
    this.object = object;
    this.path = path;
  }

  /**
   * Parses {@code text} as one JSON object.
   *
   * @param document what the text is, for messages ({@code "launch spec"})
   * @throws InvalidInputException if the text is not a single JSON object
   */
  static StrictJson parse(String document, String text) {
    JsonElement root;
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        throw new InvalidInputException(document + ": text after the JSON object");
      }
    } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
      throw new InvalidInputException(document + ": not valid JSON (" + e.getMessage() + ")");
    }
    if (!root.isJsonObject()) {
      throw new InvalidInputException(document + ": expected a JSON object");
    }
    return new StrictJson(document, root.getAsJsonObject(), "");
  }

  String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** An error about {@code field}: "launch spec field a.b: message". */
  InvalidInputException error(String field, String message) {
    return new InvalidInputException(document + " field " + at(field) + ": " + message);
  }

  private InvalidInputException expected(String field, String what) {
    JsonElement e = object.get(field);
    String found = e == null || e.isJsonNull() ? "nothing" : abbreviate(e.toString());
    return error(field, "expected " + what + ", found " + found);
  }

  boolean has(String field) {
    JsonElement e = object.get(field);
    return e != null && !e.isJsonNull();
  }

  private JsonElement get(String field) {
    read.add(field);
    return object.get(field);
  }

  String string(String field) {
    JsonElement e = get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw expected(field, "a string");
    }
    return e.getAsString();
  }

  Optional<String> optionalString(String field) {
    read.add(field);
    return has(field) ? Optional.of(string(field)) : Optional.empty();
  }

  boolean bool(String field) {
    JsonElement e = get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw expected(field, "true or false");
    }
    return e.getAsBoolean();
  }

  long wholeNumber(String field) {
    JsonElement e = get(field);
    if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
      throw expected(field, "a whole number");
    }
    try {
      return new BigDecimal(e.getAsString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException ex) {
      throw expected(field, "a whole number");
    }
  }

  int integer(String field) {
    long v = wholeNumber(field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw expected(field, "a whole number in the int range");
    }
    return (int) v;
  }

  Optional<Integer> optionalInteger(String field) {
    read.add(field);
    return has(field) ? Optional.of(integer(field)) : Optional.empty();
  }

  Optional<Long> optionalLong(String field) {
    read.add(field);
    return has(field) ? Optional.of(wholeNumber(field)) : Optional.empty();
  }

  List<String> strings(String field) {
    JsonElement e = get(field);
    if (e == null || !e.isJsonArray()) {
      throw expected(field, "an array of strings");
    }
    JsonArray array = e.getAsJsonArray();
    List<String> out = new ArrayList<>();
    for (JsonElement item : array) {
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw expected(field, "an array of strings");
      }
      out.add(item.getAsString());
    }
    return out;
  }

  /** An object whose values are all strings, as a sorted map. */
  java.util.SortedMap<String, String> stringMap(String field) {
    JsonElement e = get(field);
    if (e == null || !e.isJsonObject()) {
      throw expected(field, "an object of strings");
    }
    java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
    for (var entry : e.getAsJsonObject().entrySet()) {
      JsonElement v = entry.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
        throw error(field, "expected a string for " + entry.getKey() + ", found "
            + abbreviate(v.toString()));
      }
      out.put(entry.getKey(), v.getAsString());
    }
    return out;
  }

  StrictJson object(String field) {
    JsonElement e = get(field);
    if (e == null || !e.isJsonObject()) {
      throw expected(field, "an object");
    }
    return new StrictJson(document, e.getAsJsonObject(), at(field));
  }

  /** Runs a value constructor, turning its validation error into one naming {@code field}. */
  <T> T valid(String field, Function<String, T> parse, String text) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw error(field, e.getMessage());
    }
  }

  /**
   * Rejects fields that were never read.
   *
   * @throws InvalidInputException naming the first unknown field
   */
  void finish() {
    for (String key : object.keySet()) {
      if (!read.contains(key)) {
        throw error(key, "unknown field");
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
