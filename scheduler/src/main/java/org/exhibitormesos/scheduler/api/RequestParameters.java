package org.exhibitormesos.scheduler.api;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's parameters: the query string (GET, the original's way, and POST), plus a POST
 * body that is a form ({@code application/x-www-form-urlencoded}, what the CLI sends) or a JSON
 * object of strings, numbers and booleans ({@code application/json}). Thread-safe.
 *
 * <p>Strict, so a typo never changes what a command does: a parameter given twice (also once in
 * the query and once in the body) is refused, as are malformed percent-encoding, JSON that is not
 * one object, JSON values that are null, arrays or objects, and other body types (415).
 * {@code ;} is an ordinary character (option values such as {@code java-options} may hold it).
 */
final class RequestParameters {
  private static final int MAX_PARAMETERS = 256;

  private RequestParameters() {}

  /** @throws ApiRequestException (400 or 415) saying what is wrong */
  static Map<String, String> read(FullHttpRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>();
    addAll(parameters, decode(request.uri(), true, "query"));
    if (!HttpMethod.POST.equals(request.method()) || !request.content().isReadable()) {
      return parameters;
    }
    String body = request.content().toString(HttpUtil.getCharset(request, StandardCharsets.UTF_8));
    CharSequence mime = HttpUtil.getMimeType(request);
    String type = mime == null ? "" : mime.toString().toLowerCase(Locale.ROOT);
    if (type.equals(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString())) {
      addAll(parameters, decode(body, false, "form body"));
    } else if (type.equals(HttpHeaderValues.APPLICATION_JSON.toString())) {
      json(body).forEach((name, value) -> put(parameters, name, value));
    } else {
      throw new ApiRequestException(415, "unsupported body type '" + type + "'; send "
          + "application/x-www-form-urlencoded or application/json, or query parameters");
    }
    return parameters;
  }

  private static Map<String, List<String>> decode(String text, boolean hasPath, String where) {
    try {
      return new QueryStringDecoder(text, StandardCharsets.UTF_8, hasPath, MAX_PARAMETERS, true).parameters();
    } catch (IllegalArgumentException e) {
      throw ApiRequestException.badRequest("malformed " + where + ": " + e.getMessage());
    }
  }

  private static void addAll(Map<String, String> parameters, Map<String, List<String>> decoded) {
    decoded.forEach((name, values) -> {
      if (values.size() > 1) {
        throw twice(name);
      }
      put(parameters, name, values.get(0));
    });
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (parameters.putIfAbsent(name, value) != null) {
      throw twice(name);
    }
  }

  private static ApiRequestException twice(String name) {
    return ApiRequestException.badRequest("parameter '" + name + "' is given more than once");
  }

  /** One JSON object whose values are strings, numbers or booleans, as their text. */
  static Map<String, String> json(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    try (JsonReader reader = new JsonReader(new StringReader(body))) {
      reader.setStrictness(Strictness.STRICT);
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw ApiRequestException.badRequest("malformed JSON body: expected an object such as {\"id\": \"0..2\"}");
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        String value = switch (reader.peek()) {
          // nextString gives a number's literal text: 0.5 stays "0.5", never "0.50000001".
          case STRING, NUMBER -> reader.nextString();
          case BOOLEAN -> Boolean.toString(reader.nextBoolean());
          default -> throw ApiRequestException.badRequest("parameter '" + name
              + "' in the JSON body must be a string, number or boolean");
        };
        put(values, name, value);
      }
      reader.endObject();
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw ApiRequestException.badRequest("malformed JSON body: text after the object");
      }
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw ApiRequestException.badRequest("malformed JSON body: " + e.getMessage());
    }
    return values;
  }
}
