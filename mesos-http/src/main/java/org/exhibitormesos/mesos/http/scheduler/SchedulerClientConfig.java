package org.exhibitormesos.mesos.http.scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.mesos.http.BackoffPolicy;
import org.exhibitormesos.mesos.http.Credentials;
import org.exhibitormesos.mesos.http.ExponentialBackoff;
import org.exhibitormesos.mesos.http.MesosHttp;

/**
 * Settings of {@link MesosSchedulerClient}; start from {@link #defaults()}.
 *
 * @param path the scheduler endpoint path on the master
 * @param credentials HTTP Basic credentials sent on every request, if any
 * @param backoff delay before resubscribing after failures
 * @param heartbeatMissesAllowed intervals without any event after which the stream is dead
 * @param connectTimeout TCP connect timeout
 * @param callTimeout how long a call may wait for its response
 * @param maxRecordBytes largest accepted event
 */
public record SchedulerClientConfig(
    String path,
    Optional<Credentials> credentials,
    BackoffPolicy backoff,
    int heartbeatMissesAllowed,
    Duration connectTimeout,
    Duration callTimeout,
    int maxRecordBytes) {

  public SchedulerClientConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
    }
    if (heartbeatMissesAllowed < 1) {
      throw new IllegalArgumentException("heartbeatMissesAllowed must be at least 1");
    }
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive");
    }
  }

  /**
   * {@code /api/v1/scheduler}, no credentials, 1 s..15 s backoff, 5 missed heartbeats, 10 s
   * connect timeout, 75 s call timeout, 64 MiB records (an OFFERS event on a big cluster is large).
   */
  public static SchedulerClientConfig defaults() {
    return new SchedulerClientConfig(MesosHttp.SCHEDULER_PATH, Optional.empty(),
        ExponentialBackoff.schedulerDefault(), 5, Duration.ofSeconds(10), Duration.ofSeconds(75),
        64 * 1024 * 1024);
  }

  /** Headers every request carries: {@code Authorization} when credentials are set. Mutable copy. */
  Map<String, String> requestHeaders() {
    Map<String, String> headers = new HashMap<>();
    credentials.ifPresent(c -> headers.put("Authorization", c.authorizationHeader()));
    return headers;
  }

  public SchedulerClientConfig withCredentials(Credentials c) {
    return new SchedulerClientConfig(path, Optional.of(c), backoff, heartbeatMissesAllowed,
        connectTimeout, callTimeout, maxRecordBytes);
  }

  public SchedulerClientConfig withBackoff(BackoffPolicy b) {
    return new SchedulerClientConfig(path, credentials, b, heartbeatMissesAllowed, connectTimeout,
        callTimeout, maxRecordBytes);
  }

  public SchedulerClientConfig withHeartbeatMissesAllowed(int n) {
    return new SchedulerClientConfig(path, credentials, backoff, n, connectTimeout, callTimeout,
        maxRecordBytes);
  }

  public SchedulerClientConfig withCallTimeout(Duration d) {
    return new SchedulerClientConfig(path, credentials, backoff, heartbeatMissesAllowed,
        connectTimeout, d, maxRecordBytes);
  }
}
