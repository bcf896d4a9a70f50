package org.exhibitormesos.it.fault;

/** Seeds of the randomised scenarios: the system property when given (to replay a run), else fresh. */
final class Seeds {
  private Seeds() {}

  static long seed(String property) {
    String given = System.getProperty(property);
    long seed = given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
    Figures.report("seed", property + "=" + seed + " (replay with -D" + property + "=" + seed + ")");
    return seed;
  }
}
