package org.exhibitormesos.mesos.http;

/**
 * Protocol constants of the Mesos v1 scheduler and executor HTTP APIs, shared by clients and the
 * emulator's server side so both agree byte for byte.
 */
public final class MesosHttp {
  /**
   * Protobuf media type. Masters and agents compare {@code Content-Type} literally, so no parameters
   * (such as {@code ; charset=...}) may follow it.
   */
  public static final String PROTOBUF = "application/x-protobuf";
  /** JSON media type; accepted by Mesos, not used by our clients. */
  public static final String JSON = "application/json";
  /** Response header of SUBSCRIBE, required on every later scheduler call of that subscription. */
  public static final String STREAM_ID_HEADER = "Mesos-Stream-Id";
  /** Scheduler endpoint on the master. */
  public static final String SCHEDULER_PATH = "/api/v1/scheduler";
  /** Alias of {@link #SCHEDULER_PATH} that masters also serve; leader redirects keep the request path. */
  public static final String MASTER_SCHEDULER_PATH = "/master/api/v1/scheduler";
  /** Executor endpoint on the agent. */
  public static final String EXECUTOR_PATH = "/api/v1/executor";

  private MesosHttp() {}
}
