package org.exhibitormesos.core.server;

/** What the operator asked for a server. */
public enum DesiredState {
  /** Defined but not running ({@code add}, {@code stop}). */
  INACTIVE,
  /** Should run ({@code start}). */
  ACTIVE,
  /** Being removed: leave the ensemble, stop, release its volume, then forget it ({@code remove}). */
  REMOVED
}
