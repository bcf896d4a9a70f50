package org.exhibitormesos.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.exhibitormesos.core.time.Durations;

/**
 * {@link ApiClient} over {@code java.net.http}: POST with an {@code application/x-www-form-urlencoded}
 * body. Thread-safe.
 */
final class HttpApiClient implements ApiClient {
  /** How long to wait for a connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long an answer may take beyond what the scheduler waits on purpose. */
  static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);

  private final URI base;
  private final Duration answerMargin;
  private final HttpClient http;

  /** @param base the API's base URL, such as {@code http://master:7000} */
  HttpApiClient(URI base) {
    this(base, ANSWER_MARGIN);
  }

  /**
   * @param base the API's base URL
   * @param answerMargin how long an answer may take beyond what the scheduler waits on purpose
   */
  HttpApiClient(URI base, Duration answerMargin) {
    this.base = base;
    this.answerMargin = answerMargin;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
        // A standby scheduler answers commands with 307 to the leader; 307 keeps the method and body.
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Override
  public ApiReply post(String route, Map<String, String> parameters, Duration wait) throws ApiUnreachableException {
    URI uri = URI.create(base + route);
    Duration timeout = wait.plus(answerMargin);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form(parameters), StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ApiReply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new ApiUnreachableException(uri.toString(), cause(e, uri, timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnreachableException(uri.toString(), "interrupted");
    }
  }

  static String form(Map<String, String> parameters) {
    StringJoiner body = new StringJoiner("&");
    parameters.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
    return body.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Says why there was no answer in an operator's words; the checks go from most to least specific. */
  static String cause(IOException e, URI uri, Duration timeout) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + CONNECT_TIMEOUT.toSeconds() + "s";
    }
    if (e instanceof HttpTimeoutException) {
      return "timed out: no answer within " + Durations.format(timeout);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
    }
    if (e instanceof ConnectException) {
      // The JDK reports a refused connection as a ConnectException with no message of its own.
      String chain = causes(e);
      return chain.isEmpty() || chain.toLowerCase(Locale.ROOT).contains("refused")
          ? "connection refused" : chain;
    }
    String chain = causes(e);
    return chain.isEmpty() ? e.getClass().getSimpleName() : chain;
  }

  private static String causes(Throwable e) {
    return Stream.iterate(e, t -> t != null, Throwable::getCause)
        .map(Throwable::getMessage).filter(m -> m != null && !m.isBlank()).distinct()
        .collect(Collectors.joining(": "));
  }
}
