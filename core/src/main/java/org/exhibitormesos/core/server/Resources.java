package org.exhibitormesos.core.server;

import org.exhibitormesos.core.InvalidInputException;

/**
 * What one server's task needs from an agent: cpus, memory and disk (MB). Disk backs the server's
 * persistent volume where a role allows one, else the sandbox.
 */
public record Resources(double cpus, double memMb, double diskMb) {
  /** The original framework's {@code add} defaults (cpu 0.2, mem 256) plus 1 GB for the data volume. */
  public static final Resources DEFAULT = new Resources(0.2, 256, 1024);

  public Resources {
    positive("cpu", cpus);
    positive("mem", memMb);
    positive("disk", diskMb);
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidInputException("invalid " + name + " " + value + ": must be a number greater than 0");
    }
  }

  /** True when each amount here fits into {@code available}. */
  public boolean fitsIn(Resources available) {
    return cpus <= available.cpus + 1e-9 && memMb <= available.memMb + 1e-9 && diskMb <= available.diskMb + 1e-9;
  }

  public Resources withCpus(double value) {
    return new Resources(value, memMb, diskMb);
  }

  public Resources withMemMb(double value) {
    return new Resources(cpus, value, diskMb);
  }

  public Resources withDiskMb(double value) {
    return new Resources(cpus, memMb, value);
  }
}
