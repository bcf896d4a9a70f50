/**
 * Placement constraints: what operators write ({@code hostname=unique,rack=groupBy:3}), and whether
 * an agent satisfies them given where the other servers of the ensemble are placed.
 *
 * <p>Entry points: {@link org.exhibitormesos.core.placement.Constraints#parse(String)} and
 * {@link org.exhibitormesos.core.placement.Constraints#evaluate(AgentAttributes, java.util.List)},
 * which checks every constraint and returns every failure, each with a reason an operator can act
 * on. Evaluation is a pure function of its arguments: no clocks, no I/O; every type here is immutable
 * and thread-safe.
 *
 * <p>Text syntax: {@code attr=cond[,attr=cond...]}; the empty string means no constraints. A
 * backslash makes the next character literal, so {@code \,} {@code \=} and {@code \\} put a comma,
 * an equals sign or a backslash into an attribute or condition value. Consequently a regex backslash
 * is written doubled: {@code like:slave\\d+} is the regex {@code slave\d+}. Nothing is trimmed:
 * whitespace is part of regexes and values, and an attribute name may not start or end with it.
 */
package org.exhibitormesos.core.placement;
