package org.exhibitormesos.mesos.local;

import java.util.Objects;
import java.util.Optional;
import java.nio.file.Path;
import org.apache.mesos.v1.Protos.Value;
import org.exhibitormesos.mesos.local.resources.Ranges;

/**
 * One emulated agent.
 *
 * @param address loopback address the agent's executor API binds to and its hostname
 * @param port executor API port; 0 picks a free one
 * @param cpus advertised cpus
 * @param memMb advertised mem (MB)
 * @param diskMb advertised disk (MB)
 * @param ports advertised ports
 * @param attributes Mesos {@code --attributes} text, e.g. {@code rack:r1;zone:west}
 * @param workDir the agent's work dir; empty = {@code <workDir>/agents/<address>}
 */
public record AgentConfig(String address, int port, double cpus, double memMb, double diskMb,
    Value.Ranges ports, String attributes, Optional<Path> workDir) {

  /** Mesos' default port range. */
  public static final Value.Ranges DEFAULT_PORTS = Ranges.of(31000, 32000);

  public AgentConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(workDir, "workDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("agent port " + port + " is outside 0..65535");
    }
    if (cpus < 0 || memMb < 0 || diskMb < 0) {
      throw new IllegalArgumentException("agent resources must not be negative");
    }
    Attributes.parse(attributes); // fail early on bad text
  }

  /** The {@code index}-th agent (0-based) on 127.0.0.(index+2): 2 cpus, 2 GB mem, 10 GB disk. */
  public static AgentConfig defaults(int index) {
    return new AgentConfig("127.0.0." + (index + 2), 0, 2, 2048, 10240, DEFAULT_PORTS, "",
        Optional.empty());
  }

  public AgentConfig withResources(double c, double m, double d) {
    return new AgentConfig(address, port, c, m, d, ports, attributes, workDir);
  }

  public AgentConfig withPorts(Value.Ranges p) {
    return new AgentConfig(address, port, cpus, memMb, diskMb, p, attributes, workDir);
  }

  public AgentConfig withAttributes(String a) {
    return new AgentConfig(address, port, cpus, memMb, diskMb, ports, a, workDir);
  }

  public AgentConfig withWorkDir(Path dir) {
    return new AgentConfig(address, port, cpus, memMb, diskMb, ports, attributes, Optional.of(dir));
  }

  public AgentConfig withPort(int p) {
    return new AgentConfig(address, p, cpus, memMb, diskMb, ports, attributes, workDir);
  }
}
