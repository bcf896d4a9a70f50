package org.exhibitormesos.core.server;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.core.InvalidInputException;

/** An inclusive range of ports, {@code begin..end}, as Mesos offers them and as operators type them. */
public record PortRange(int begin, int end) {
  private static final String FORMS = "accepted forms: 31000, 31000..31010, 31000..31010,31050 (ports 1..65535)";

  public PortRange {
    if (begin < 1 || end > 65535 || begin > end) {
      throw new InvalidInputException("invalid port range " + begin + ".." + end + "; " + FORMS);
    }
  }

  public boolean contains(int port) {
    return port >= begin && port <= end;
  }

  /**
   * Parses an operator's port ranges ({@code 31000..31010,31050}); blank means no restriction and
   * gives an empty list.
   *
   * @throws InvalidInputException naming the bad part
   */
  public static List<PortRange> parseList(String text) {
    List<PortRange> ranges = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      try {
        int dots = p.indexOf("..");
        if (dots < 0) {
          int port = Integer.parseInt(p);
          ranges.add(new PortRange(port, port));
        } else {
          ranges.add(new PortRange(Integer.parseInt(p.substring(0, dots)), Integer.parseInt(p.substring(dots + 2))));
        }
      } catch (NumberFormatException e) {
        throw new InvalidInputException("invalid port range '" + p + "' in '" + text + "'; " + FORMS);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("invalid port range '" + p + "' in '" + text + "'; " + FORMS);
      }
    }
    return List.copyOf(ranges);
  }

  public static String formatList(List<PortRange> ranges) {
    StringBuilder sb = new StringBuilder();
    for (PortRange r : ranges) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(r);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return begin == end ? Integer.toString(begin) : begin + ".." + end;
  }
}
