package org.exhibitormesos.mesos.local.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.exhibitormesos.mesos.http.MesosHttp;

/**
 * Content negotiation of the v1 APIs: {@code Content-Type} compared literally (anything else but the
 * two types is 415, none is 400); {@code Accept} prefers JSON whenever it is acceptable at all.
 */
public final class MediaTypes {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
      .omittingInsignificantWhitespace();

  private MediaTypes() {}

  /** Thrown with the HTTP status and plain-text reason of a request that cannot be served. */
  public static final class Rejection extends Exception {
    final int status;

    Rejection(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Checks the request's {@code Content-Type} and returns it. */
  public static String contentType(String header) throws Rejection {
    if (header == null) {
      throw new Rejection(400, "Expecting 'Content-Type' to be present");
    }
    if (!header.equals(MesosHttp.JSON) && !header.equals(MesosHttp.PROTOBUF)) {
      throw new Rejection(415, "Expecting 'Content-Type' of " + MesosHttp.JSON + " or "
          + MesosHttp.PROTOBUF);
    }
    return header;
  }

  /** The record type of a stream: JSON if acceptable at all, else protobuf, else 406. */
  public static String negotiate(String accept) throws Rejection {
    if (accept == null || accept.isBlank()) {
      return MesosHttp.JSON;
    }
    if (acceptable(accept, MesosHttp.JSON)) {
      return MesosHttp.JSON;
    }
    if (acceptable(accept, MesosHttp.PROTOBUF)) {
      return MesosHttp.PROTOBUF;
    }
    throw new Rejection(406, "Expecting 'Accept' to allow " + MesosHttp.JSON + " or "
        + MesosHttp.PROTOBUF);
  }

  static boolean acceptable(String accept, String type) {
    String[] parts = type.split("/");
    for (String range : accept.split(",")) {
      String[] params = range.trim().split(";");
      String media = params[0].trim().toLowerCase();
      double q = 1;
      for (int i = 1; i < params.length; i++) {
        String p = params[i].trim();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q <= 0) {
        continue;
      }
      if (media.equals("*/*") || media.equals(type) || media.equals(parts[0] + "/*")) {
        return true;
      }
    }
    return false;
  }

  /** Parses a {@code Call}; 400 with Mesos-like text when unparseable or missing required fields. */
  @SuppressWarnings("unchecked")
  public static <T extends Message> T decode(byte[] body, String contentType, T prototype)
      throws Rejection {
    Message.Builder b = prototype.newBuilderForType();
    try {
      if (contentType.equals(MesosHttp.PROTOBUF)) {
        b.mergeFrom(body);
      } else {
        PARSER.merge(new String(body, StandardCharsets.UTF_8), b);
      }
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new Rejection(400, "Failed to parse body into Call protobuf: " + e.getMessage());
    }
    if (!b.isInitialized()) {
      throw new Rejection(400, "Failed to validate call: Not initialized: "
          + b.buildPartial().findInitializationErrors());
    }
    return (T) b.build();
  }

  public static byte[] encode(Message message, String contentType) {
    if (contentType.equals(MesosHttp.PROTOBUF)) {
      return message.toByteArray();
    }
    try {
      return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getDescriptorForType().getName(), e);
    }
  }

  public static Optional<String> header(io.netty.handler.codec.http.HttpHeaders headers,
      CharSequence name) {
    return Optional.ofNullable(headers.get(name));
  }
}
