package org.exhibitormesos.core.server;

/**
 * How a task was launched, kept with the task so that a later report about its data can be judged
 * by any life of the scheduler. Mirrors the launch's config source: only a {@link #RESTART} expects
 * to find data on its volume.
 */
public enum LaunchKind {
  /** An initial member, launched with the bootstrap dynamic config. */
  BOOTSTRAP,
  /** A new identity, launched with a joiner config on empty data (a new volume or the sandbox). */
  JOIN,
  /** The same identity relaunched on its existing volume, from the config files and data there. */
  RESTART
}
