package org.exhibitormesos.core.config;

/** Where an option's value goes, which is also how status output groups the values. */
public enum OptionGroup {
  /** An Exhibitor command-line flag, passed through to Exhibitor as {@code --name value}. */
  EXHIBITOR,
  /** A shared-config override that the framework writes into Exhibitor's shared config. */
  SHARED,
  /** A setting of the framework itself: admin ports, JVM options, stickiness, failover. */
  FRAMEWORK,
  /** What the task needs and where it may run: cpu, mem, disk, constraints, config change backoff. */
  RESOURCE
}
