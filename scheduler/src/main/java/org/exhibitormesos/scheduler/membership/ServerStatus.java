package org.exhibitormesos.scheduler.membership;

import java.util.Objects;
import java.util.OptionalLong;
import org.exhibitormesos.core.membership.MemberProbe.Mode;

/**
 * What {@code srvr} said about one server.
 *
 * @param mode leader/follower/observer/standalone when serving; {@link Mode#NOT_SERVING} when the
 *     server answered that it does not serve; {@link Mode#UNREACHABLE} when the port refused, timed
 *     out or answered something unreadable
 * @param zxid the last zxid the server applied, when it serves
 * @param detail why the server is unreachable (empty otherwise), for logs and status
 */
public record ServerStatus(Mode mode, OptionalLong zxid, String detail) {
  public ServerStatus {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(zxid, "zxid");
    Objects.requireNonNull(detail, "detail");
  }

  public static ServerStatus unreachable(String why) {
    return new ServerStatus(Mode.UNREACHABLE, OptionalLong.empty(), why);
  }

  public static ServerStatus notServing() {
    return new ServerStatus(Mode.NOT_SERVING, OptionalLong.empty(), "");
  }
}
