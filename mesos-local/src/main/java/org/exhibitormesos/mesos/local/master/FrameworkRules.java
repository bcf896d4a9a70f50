package org.exhibitormesos.mesos.local.master;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** FrameworkInfo validation of SUBSCRIBE ({@code src/master/validation.cpp}); errors -> ERROR event. */
final class FrameworkRules {
  private FrameworkRules() {}

  static Optional<String> validate(FrameworkInfo info, Call.Subscribe subscribe) {
    boolean multiRole = info.getCapabilitiesList().stream()
        .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.MULTI_ROLE);
    if (multiRole && info.hasRole()) {
      return Optional.of("'FrameworkInfo.role' must not be set when the framework is MULTI_ROLE");
    }
    if (!multiRole && info.getRolesCount() > 0) {
      return Optional.of("'FrameworkInfo.roles' must not be set when the framework is not "
          + "MULTI_ROLE");
    }
    List<String> roles = multiRole ? info.getRolesList()
        : List.of(info.hasRole() ? info.getRole() : "*");
    Set<String> seen = new HashSet<>();
    for (String role : roles) {
      if (!seen.add(role)) {
        return Optional.of("'FrameworkInfo.roles' contains duplicate role '" + role + "'");
      }
      Optional<String> bad = role(role);
      if (bad.isPresent()) {
        return bad;
      }
    }
    for (String suppressed : subscribe.getSuppressedRolesList()) {
      if (!roles.contains(suppressed)) {
        return Optional.of("Suppressed role '" + suppressed + "' is not one of the framework's roles");
      }
    }
    if (info.hasFailoverTimeout() && (Double.isNaN(info.getFailoverTimeout())
        || info.getFailoverTimeout() < 0 || Double.isInfinite(info.getFailoverTimeout()))) {
      return Optional.of("Invalid failover_timeout: " + info.getFailoverTimeout());
    }
    if (info.hasId()) {
      return TaskRules.id("Framework", info.getId().getValue());
    }
    return Optional.empty();
  }

  static Optional<String> role(String role) {
    if (role.equals("*")) {
      return Optional.empty();
    }
    if (role.isEmpty() || role.equals(".") || role.equals("..") || role.startsWith("-")) {
      return Optional.of("Role '" + role + "' is invalid");
    }
    for (String part : role.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith("-")) {
        return Optional.of("Role '" + role + "' is invalid");
      }
    }
    for (char c : role.toCharArray()) {
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\\') {
        return Optional.of("Role '" + role + "' contains an invalid character");
      }
    }
    return Optional.empty();
  }
}
