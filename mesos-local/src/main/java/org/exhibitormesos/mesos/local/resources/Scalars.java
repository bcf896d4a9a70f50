package org.exhibitormesos.mesos.local.resources;

/** Mesos keeps scalar resources in fixed point with three decimal digits. */
public final class Scalars {
  private Scalars() {}

  public static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
