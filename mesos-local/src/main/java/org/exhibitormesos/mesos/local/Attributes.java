package org.exhibitormesos.mesos.local;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Value;
import org.exhibitormesos.mesos.local.resources.Ranges;

/**
 * Agent attributes in Mesos' {@code --attributes} syntax: {@code name:value;...}; a number is a
 * SCALAR, {@code [a-b,...]} RANGES, anything else TEXT.
 */
public final class Attributes {
  private Attributes() {}

  /** @throws IllegalArgumentException naming the bad entry and the accepted form */
  public static List<Attribute> parse(String text) {
    List<Attribute> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException("attribute '" + entry
            + "' is invalid: expected name:value (e.g. rack:r1;zone:west)");
      }
      String name = entry.substring(0, colon).trim();
      String value = entry.substring(colon + 1).trim();
      Attribute.Builder a = Attribute.newBuilder().setName(name);
      if (value.startsWith("[")) {
        a.setType(Value.Type.RANGES).setRanges(Ranges.parse(value));
      } else if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
        a.setType(Value.Type.SCALAR).setScalar(Value.Scalar.newBuilder()
            .setValue(Double.parseDouble(value)));
      } else {
        a.setType(Value.Type.TEXT).setText(Value.Text.newBuilder().setValue(value));
      }
      out.add(a.build());
    }
    return out;
  }

  /** Back to {@code name:value;...}. */
  public static String format(List<Attribute> attributes) {
    List<String> parts = new ArrayList<>();
    for (Attribute a : attributes) {
      String v = switch (a.getType()) {
        case SCALAR -> String.valueOf(a.getScalar().getValue());
        case RANGES -> Ranges.format(a.getRanges());
        case SET -> "{" + String.join(",", a.getSet().getItemList()) + "}";
        default -> a.getText().getValue();
      };
      parts.add(a.getName() + ":" + v);
    }
    return String.join(";", parts);
  }
}
