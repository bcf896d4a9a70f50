package org.exhibitormesos.core.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;

/**
 * JSON codec of the API types. Thread-safe; one shared configuration so the scheduler writes what
 * the CLI reads.
 *
 * <p>Null fields are left out; characters such as {@code =} and {@code <} are written as they are
 * (no HTML escaping), so constraints and connection strings stay readable in {@code --json} output.
 */
public final class ApiJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final Type STATUS_RESPONSE = TypeToken.getParameterized(ApiResponse.class, StatusView.class)
      .getType();

  private ApiJson() {}

  /** @return {@code value} as compact JSON */
  public static String write(Object value) {
    return GSON.toJson(value);
  }

  /**
   * Reads an answer of any route.
   *
   * @throws JsonParseException if {@code json} is not an API answer (not JSON, not an object, a
   *     field of the wrong type or a required field missing)
   */
  public static ApiResponse<StatusView> readStatusResponse(String json) {
    JsonElement tree;
    try {
      tree = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new JsonParseException("not an API answer: " + e.getMessage(), e);
    }
    // Gson would read a missing or non-boolean "success" as false; an answer must say it.
    JsonElement success = tree.isJsonObject() ? tree.getAsJsonObject().get("success") : null;
    if (success == null || !success.isJsonPrimitive() || !success.getAsJsonPrimitive().isBoolean()) {
      throw new JsonParseException("not an API answer: no boolean 'success' field");
    }
    return read(tree, STATUS_RESPONSE);
  }

  /**
   * @param type the expected type, e.g. from {@link TypeToken#getParameterized}
   * @throws JsonParseException as {@link #readStatusResponse(String)}
   */
  public static <T> T read(String json, Type type) {
    try {
      return read(JsonParser.parseString(json), type);
    } catch (JsonParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new JsonParseException("not an API answer: " + e.getMessage(), e);
    }
  }

  private static <T> T read(JsonElement json, Type type) {
    T value;
    try {
      value = GSON.fromJson(json, type);
    } catch (JsonParseException e) {
      throw e;
    } catch (RuntimeException e) {
      // Gson reports a record constructor's refusal (a required field missing) as a bare RuntimeException.
      throw new JsonParseException("not an API answer: " + e.getMessage(), e);
    }
    if (value == null || json.isJsonNull()) {
      throw new JsonParseException("not an API answer: empty document");
    }
    return value;
  }
}
