package org.exhibitormesos.core.launch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.exhibitormesos.core.InvalidInputException;

/**
 * JSON form of {@link TaskReport}, UTF-8, with a {@code version} field ({@value #VERSION}).
 * Decoding is strict: optional values are left out when empty, every other field is required,
 * unknown fields are errors. Thread safe.
 */
public final class TaskReportCodec {
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;
  private static final String DOCUMENT = "task report";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private TaskReportCodec() {}

  /** The JSON text. */
  public static String encodeText(TaskReport r) {
    JsonObject o = new JsonObject();
    o.addProperty("version", VERSION);
    o.addProperty("dataFound", r.dataFound());
    r.lastZxid().ifPresent(z -> o.addProperty("lastZxid", z));
    r.myidOnDisk().ifPresent(m -> o.addProperty("myidOnDisk", m));
    o.addProperty("mode", r.mode().text());
    r.zxid().ifPresent(z -> o.addProperty("zxid", z));
    o.addProperty("host", r.host());
    o.add("ports", LaunchSpecCodec.ports(r.ports()));
    r.pid().ifPresent(p -> o.addProperty("pid", p));
    r.exitCode().ifPresent(c -> o.addProperty("exitCode", c));
    r.stderrTail().ifPresent(t -> o.addProperty("stderrTail", t));
    return GSON.toJson(o);
  }

  /** The UTF-8 bytes of {@link #encodeText}, for {@code TaskStatus.data}. */
  public static byte[] encode(TaskReport report) {
    return encodeText(report).getBytes(StandardCharsets.UTF_8);
  }

  /** @throws InvalidInputException naming the field, for any malformed input */
  public static TaskReport decode(byte[] data) {
    return decode(new String(data, StandardCharsets.UTF_8));
  }

  /** @throws InvalidInputException naming the field, for any malformed input */
  public static TaskReport decode(String text) {
    StrictJson o = StrictJson.parse(DOCUMENT, text);
    int version = o.integer("version");
    if (version != VERSION) {
      throw o.error("version", "unsupported version " + version + "; this code reads "
          + VERSION);
    }
    boolean dataFound = o.bool("dataFound");
    var lastZxid = o.optionalString("lastZxid");
    var myid = o.optionalInteger("myidOnDisk");
    ZooKeeperMode mode = o.valid("mode", ZooKeeperMode::parse, o.string("mode"));
    var zxid = o.optionalString("zxid");
    String host = o.string("host");
    var ports = LaunchSpecCodec.ports(o.object("ports"), o, "ports");
    var pid = o.optionalLong("pid");
    var exitCode = o.optionalInteger("exitCode");
    var tail = o.optionalString("stderrTail");
    o.finish();
    lastZxid.ifPresent(z -> o.valid("lastZxid", s -> new TaskReport(false,
        java.util.Optional.of(s), myid, mode, java.util.Optional.empty(), host, ports, pid,
        exitCode, tail), z));
    zxid.ifPresent(z -> o.valid("zxid", s -> new TaskReport(false, java.util.Optional.empty(),
        myid, mode, java.util.Optional.of(s), host, ports, pid, exitCode, tail), z));
    return new TaskReport(dataFound, lastZxid, myid, mode, zxid, host, ports, pid, exitCode, tail);
  }
}
