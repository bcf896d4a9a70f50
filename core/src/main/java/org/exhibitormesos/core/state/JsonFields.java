package org.exhibitormesos.core.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads fields of one JSON object and names the field's path in every error. */
final class JsonFields {
  private final JsonObject object;
  private final String path;

  JsonFields(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  static JsonFields root(JsonElement element) throws StateFormatException {
    if (element == null || !element.isJsonObject()) {
      throw new StateFormatException("state document: expected a JSON object");
    }
    return new JsonFields(element.getAsJsonObject(), "");
  }

  private String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private StateFormatException bad(String field, String expected) {
    JsonElement e = object.get(field);
    String found = e == null || e.isJsonNull() ? "nothing" : abbreviate(e.toString());
    return new StateFormatException("state field " + at(field) + ": expected " + expected + ", found " + found);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  boolean has(String field) {
    JsonElement e = object.get(field);
    return e != null && !e.isJsonNull();
  }

  JsonFields object(String field) throws StateFormatException {
    JsonElement e = object.get(field);
    if (e == null || !e.isJsonObject()) {
      throw bad(field, "an object");
    }
    return new JsonFields(e.getAsJsonObject(), at(field));
  }

  Optional<JsonFields> optionalObject(String field) throws StateFormatException {
    return has(field) ? Optional.of(object(field)) : Optional.empty();
  }

  List<JsonFields> objects(String field) throws StateFormatException {
    JsonArray array = array(field);
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonElement e = array.get(i);
      if (!e.isJsonObject()) {
        throw new StateFormatException("state field " + at(field) + "[" + i + "]: expected an object");
      }
      out.add(new JsonFields(e.getAsJsonObject(), at(field) + "[" + i + "]"));
    }
    return out;
  }

  List<Integer> ints(String field) throws StateFormatException {
    JsonArray array = array(field);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonElement e = array.get(i);
      if (!isNumber(e) || e.getAsDouble() != Math.rint(e.getAsDouble())) {
        throw new StateFormatException("state field " + at(field) + "[" + i + "]: expected a whole number");
      }
      out.add(e.getAsInt());
    }
    return out;
  }

  private JsonArray array(String field) throws StateFormatException {
    JsonElement e = object.get(field);
    if (e == null || !e.isJsonArray()) {
      throw bad(field, "an array");
    }
    return e.getAsJsonArray();
  }

  List<String> keys() {
    return new ArrayList<>(object.keySet());
  }

  String string(String field) throws StateFormatException {
    JsonElement e = object.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw bad(field, "a string");
    }
    return e.getAsString();
  }

  Optional<String> optionalString(String field) throws StateFormatException {
    return has(field) ? Optional.of(string(field)) : Optional.empty();
  }

  boolean bool(String field) throws StateFormatException {
    JsonElement e = object.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw bad(field, "true or false");
    }
    return e.getAsBoolean();
  }

  double number(String field) throws StateFormatException {
    JsonElement e = object.get(field);
    if (!isNumber(e)) {
      throw bad(field, "a number");
    }
    return e.getAsDouble();
  }

  long wholeNumber(String field) throws StateFormatException {
    JsonElement e = object.get(field);
    if (!isNumber(e)) {
      throw bad(field, "a whole number");
    }
    try {
      return e.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException ex) {
      throw bad(field, "a whole number");
    }
  }

  int integer(String field) throws StateFormatException {
    long v = wholeNumber(field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw bad(field, "a whole number in the int range");
    }
    return (int) v;
  }

  Optional<Integer> optionalInteger(String field) throws StateFormatException {
    return has(field) ? Optional.of(integer(field)) : Optional.empty();
  }

  Instant instant(String field) throws StateFormatException {
    String s = string(field);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(field, "an ISO-8601 UTC instant like 2026-01-31T12:00:00Z");
    }
  }

  Optional<Instant> optionalInstant(String field) throws StateFormatException {
    return has(field) ? Optional.of(instant(field)) : Optional.empty();
  }

  Duration duration(String field) throws StateFormatException {
    String s = string(field);
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(field, "an ISO-8601 duration like PT10M");
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) throws StateFormatException {
    String s = string(field);
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw bad(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** Wraps a validation failure of a decoded value with this object's path. */
  StateFormatException invalid(String what, RuntimeException cause) {
    return new StateFormatException("state " + (path.isEmpty() ? "document" : "field " + path) + ": invalid "
        + what + ": " + cause.getMessage(), cause);
  }

  private static boolean isNumber(JsonElement e) {
    return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber();
  }
}
