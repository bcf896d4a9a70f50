package org.exhibitormesos.mesos.local.master;

/** The HTTP answer to a non-streaming call: a status and a plain-text body (may be empty). */
public record Answer(int status, String body) {
  public static final Answer ACCEPTED = new Answer(202, "");
  public static final Answer OK = new Answer(200, "");

  public static Answer badRequest(String message) {
    return new Answer(400, message);
  }

  public static Answer forbidden(String message) {
    return new Answer(403, message);
  }
}
