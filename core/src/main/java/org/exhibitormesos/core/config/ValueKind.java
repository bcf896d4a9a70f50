package org.exhibitormesos.core.config;

/**
 * The shape of an option's value; {@link ValueRule} holds the bounds and checks a value against it.
 * Every kind except {@link #CONSTRAINTS} ignores white space around the value.
 */
public enum ValueKind {
  /** One line of text, no control characters. */
  TEXT,
  /** Text that may span several lines (a script, a properties file). */
  TEXT_BLOCK,
  /** {@code true} or {@code false}, in any letter case; stored in lower case. */
  BOOLEAN,
  /** A whole decimal number within the rule's bounds. */
  WHOLE_NUMBER,
  /** A whole number of milliseconds within the rule's bounds. */
  MILLIS,
  /** A positive decimal amount such as {@code 0.5} or {@code 2048} (cpus, MB). */
  AMOUNT,
  /** A port number, 1..65535. */
  PORT,
  /** Port ranges such as {@code 31000..31010,31050}; see {@code PortRange.parseList}. */
  PORT_RANGES,
  /** A duration such as {@code 30s} or {@code 10 minutes}; see {@code Durations.parse}. */
  DURATION,
  /** One of a fixed list of words, matched exactly. */
  CHOICE,
  /** Placement constraints, {@code attr=cond[,attr=cond...]}, or {@code none}. */
  CONSTRAINTS,
  /** {@code zoo.cfg} entries, {@code key=value[,key=value...]}; see {@code ZooCfgExtra.parse}. */
  ZOO_CFG_EXTRA,
  /** Exhibitor's retry policy {@code sleep-ms:retry-qty}, such as {@code 1000:3}. */
  RETRY
}
