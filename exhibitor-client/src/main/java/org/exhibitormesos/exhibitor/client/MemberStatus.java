package org.exhibitormesos.exhibitor.client;

/**
 * One server in Exhibitor's {@code cluster/status} view.
 *
 * @param hostname the server's host name
 * @param description Exhibitor's word for its state ({@code serving}, {@code down} ...)
 * @param code {@value #LATENT} latent, {@value #DOWN} down, {@value #NOT_SERVING} not serving,
 *     {@value #SERVING} serving
 * @param leader whether it leads the ensemble
 */
public record MemberStatus(String hostname, String description, int code, boolean leader) {
  public static final int LATENT = 0;
  public static final int DOWN = 1;
  public static final int NOT_SERVING = 2;
  public static final int SERVING = 3;

  public boolean serving() {
    return code == SERVING;
  }

  /** The original framework's status line: {@code [host, description, code, L|F]}. */
  public String line() {
    return "[" + hostname + ", " + description + ", " + code + ", " + (leader ? "L" : "F") + "]";
  }
}
