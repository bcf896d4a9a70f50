package org.exhibitormesos.mesos.local.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.mesos.v1.Protos.Value;

/** Inclusive integer range sets ({@code Value.Ranges}), normalised as sorted, disjoint, merged. */
public final class Ranges {
  private Ranges() {}

  public static Value.Ranges of(long begin, long end) {
    return Value.Ranges.newBuilder().addRange(range(begin, end)).build();
  }

  public static Value.Ranges normalize(Value.Ranges ranges) {
    List<long[]> list = new ArrayList<>();
    for (Value.Range r : ranges.getRangeList()) {
      list.add(new long[] {Math.min(r.getBegin(), r.getEnd()), Math.max(r.getBegin(), r.getEnd())});
    }
    list.sort(Comparator.comparingLong(a -> a[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : list) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r);
      }
    }
    Value.Ranges.Builder out = Value.Ranges.newBuilder();
    merged.forEach(r -> out.addRange(range(r[0], r[1])));
    return out.build();
  }

  public static Value.Ranges union(Value.Ranges a, Value.Ranges b) {
    return normalize(a.toBuilder().addAllRange(b.getRangeList()).build());
  }

  public static Value.Ranges subtract(Value.Ranges a, Value.Ranges b) {
    List<long[]> current = new ArrayList<>();
    for (Value.Range r : normalize(a).getRangeList()) {
      current.add(new long[] {r.getBegin(), r.getEnd()});
    }
    for (Value.Range cut : normalize(b).getRangeList()) {
      List<long[]> next = new ArrayList<>();
      for (long[] r : current) {
        if (cut.getEnd() < r[0] || cut.getBegin() > r[1]) {
          next.add(r);
          continue;
        }
        if (cut.getBegin() > r[0]) {
          next.add(new long[] {r[0], cut.getBegin() - 1});
        }
        if (cut.getEnd() < r[1]) {
          next.add(new long[] {cut.getEnd() + 1, r[1]});
        }
      }
      current = next;
    }
    Value.Ranges.Builder out = Value.Ranges.newBuilder();
    current.forEach(r -> out.addRange(range(r[0], r[1])));
    return out.build();
  }

  /** True if every number of {@code part} is in {@code whole}. */
  public static boolean contains(Value.Ranges whole, Value.Ranges part) {
    List<Value.Range> w = normalize(whole).getRangeList();
    for (Value.Range p : normalize(part).getRangeList()) {
      if (w.stream().noneMatch(r -> r.getBegin() <= p.getBegin() && p.getEnd() <= r.getEnd())) {
        return false;
      }
    }
    return true;
  }

  /** Parses {@code [31000-32000,33000-33010]} (brackets optional). */
  public static Value.Ranges parse(String text) {
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    Value.Ranges.Builder out = Value.Ranges.newBuilder();
    for (String part : s.split(",")) {
      String[] bounds = part.trim().split("-");
      if (bounds.length != 2) {
        throw new IllegalArgumentException("'" + text + "' is not a range list like [31000-32000]");
      }
      try {
        out.addRange(range(Long.parseLong(bounds[0].trim()), Long.parseLong(bounds[1].trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' is not a range list like [31000-32000]");
      }
    }
    return normalize(out.build());
  }

  public static String format(Value.Ranges ranges) {
    StringBuilder sb = new StringBuilder("[");
    for (Value.Range r : ranges.getRangeList()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(r.getBegin()).append('-').append(r.getEnd());
    }
    return sb.append(']').toString();
  }

  private static Value.Range range(long begin, long end) {
    return Value.Range.newBuilder().setBegin(begin).setEnd(end).build();
  }
}
