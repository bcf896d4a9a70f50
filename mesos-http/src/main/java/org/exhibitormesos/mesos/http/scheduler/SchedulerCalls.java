package org.exhibitormesos.mesos.http.scheduler;

import java.time.Duration;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** Protocol rules of the scheduler API that need no connection state. */
final class SchedulerCalls {
  /** Mesos 1.11 hard-codes 15 s; used if a master leaves the field out. */
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

  private SchedulerCalls() {}

  /**
   * The SUBSCRIBE call for {@code info}. On resubscription {@code Call.framework_id} must equal
   * {@code framework_info.id} (the master answers 400 otherwise), so it is copied from the info.
   */
  static Call subscribe(FrameworkInfo info) {
    Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE)
        .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info));
    if (info.hasId()) {
      call.setFrameworkId(info.getId());
    }
    return call.build();
  }

  /** The heartbeat interval announced in SUBSCRIBED. */
  static Duration heartbeatInterval(Event.Subscribed subscribed) {
    if (!subscribed.hasHeartbeatIntervalSeconds()
        || !(subscribed.getHeartbeatIntervalSeconds() > 0)) {
      return DEFAULT_HEARTBEAT;
    }
    return Duration.ofNanos((long) (subscribed.getHeartbeatIntervalSeconds() * 1e9));
  }

  /** A call succeeded: 202 Accepted (200 for the synchronous calls such as UPDATE_FRAMEWORK). */
  static boolean accepted(int status) {
    return status == 202 || status == 200;
  }
}
