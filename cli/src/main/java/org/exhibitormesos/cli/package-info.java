/**
 * The operator's client commands ({@code status}, {@code add}, {@code config}, {@code start},
 * {@code stop}, {@code remove}, {@code help}): arguments parsed with JCommander and checked with core's
 * rules before any call, the control API called over {@code java.net.http}, the answer printed as the
 * original framework's {@code cluster:} tree or, with {@code --json}, as the API's JSON unchanged.
 *
 * <p>Exit codes ({@link org.exhibitormesos.cli.ExitCode}): 0 success, 1 refused or failed, 2 usage
 * error, 3 scheduler unreachable. This package depends on core, JCommander and Gson only, so a client
 * command loads no Netty or Mesos class.
 */
package org.exhibitormesos.cli;
