package org.exhibitormesos.mesos.local.resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * An immutable bag of resources in the emulator's internal form (see {@link ResourceFormats#normalize}):
 * resources with the same identity (name, type, reservations, disk, flags) are merged, scalars are
 * summed with Mesos' three-decimal fixed point, ranges and sets are unioned.
 */
public final class Resources {
  private static final Resources EMPTY = new Resources(new LinkedHashMap<>());
  private final Map<Resource, Resource> byKey;

  private Resources(Map<Resource, Resource> byKey) {
    this.byKey = byKey;
  }

  public static Resources empty() {
    return EMPTY;
  }

  public static Resources of(Collection<Resource> resources) {
    Resources r = EMPTY;
    for (Resource resource : resources) {
      r = r.plus(resource);
    }
    return r;
  }

  /** The identity of a resource: everything but its value. */
  static Resource key(Resource r) {
    return r.toBuilder().clearScalar().clearRanges().clearSet().build();
  }

  public Resources plus(Resource r) {
    if (isEmptyValue(r)) {
      return this;
    }
    Map<Resource, Resource> copy = new LinkedHashMap<>(byKey);
    Resource key = key(r);
    Resource old = copy.get(key);
    copy.put(key, old == null ? normalizeValue(r) : combine(old, r, true));
    return new Resources(copy);
  }

  public Resources plus(Resources other) {
    Resources r = this;
    for (Resource resource : other.byKey.values()) {
      r = r.plus(resource);
    }
    return r;
  }

  /** Removes what {@code r} holds; parts not present are ignored (callers check {@link #contains}). */
  public Resources minus(Resource r) {
    Resource key = key(r);
    Resource old = byKey.get(key);
    if (old == null) {
      return this;
    }
    Map<Resource, Resource> copy = new LinkedHashMap<>(byKey);
    Resource left = combine(old, r, false);
    if (isEmptyValue(left)) {
      copy.remove(key);
    } else {
      copy.put(key, left);
    }
    return new Resources(copy);
  }

  public Resources minus(Resources other) {
    Resources r = this;
    for (Resource resource : other.byKey.values()) {
      r = r.minus(resource);
    }
    return r;
  }

  public boolean contains(Resource r) {
    if (isEmptyValue(r)) {
      return true;
    }
    Resource have = byKey.get(key(r));
    if (have == null) {
      return false;
    }
    return switch (r.getType()) {
      case SCALAR -> Scalars.round(have.getScalar().getValue()) >= Scalars.round(r.getScalar().getValue());
      case RANGES -> Ranges.contains(have.getRanges(), r.getRanges());
      case SET -> have.getSet().getItemList().containsAll(r.getSet().getItemList());
      default -> false;
    };
  }

  public boolean contains(Resources other) {
    return other.byKey.values().stream().allMatch(this::contains);
  }

  public Resources filter(Predicate<Resource> keep) {
    Map<Resource, Resource> copy = new LinkedHashMap<>();
    byKey.forEach((k, v) -> {
      if (keep.test(v)) {
        copy.put(k, v);
      }
    });
    return new Resources(copy);
  }

  public boolean isEmpty() {
    return byKey.isEmpty();
  }

  /** Sum of the scalar resources called {@code name}, whatever their reservation. */
  public double scalar(String name) {
    double sum = 0;
    for (Resource r : byKey.values()) {
      if (r.getName().equals(name) && r.getType() == Value.Type.SCALAR) {
        sum += r.getScalar().getValue();
      }
    }
    return Scalars.round(sum);
  }

  public List<Resource> toList() {
    return List.copyOf(new ArrayList<>(byKey.values()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources other && other.contains(this) && contains(other);
  }

  @Override
  public int hashCode() {
    return byKey.keySet().hashCode();
  }

  @Override
  public String toString() {
    return ResourceFormats.describe(toList());
  }

  private static boolean isEmptyValue(Resource r) {
    return switch (r.getType()) {
      case SCALAR -> Scalars.round(r.getScalar().getValue()) <= 0;
      case RANGES -> r.getRanges().getRangeCount() == 0;
      case SET -> r.getSet().getItemCount() == 0;
      default -> true;
    };
  }

  private static Resource normalizeValue(Resource r) {
    return switch (r.getType()) {
      case SCALAR -> r.toBuilder().setScalar(Value.Scalar.newBuilder()
          .setValue(Scalars.round(r.getScalar().getValue()))).build();
      case RANGES -> r.toBuilder().setRanges(Ranges.normalize(r.getRanges())).build();
      default -> r;
    };
  }

  private static Resource combine(Resource a, Resource b, boolean add) {
    Resource.Builder out = a.toBuilder();
    switch (a.getType()) {
      case SCALAR -> {
        double v = add ? a.getScalar().getValue() + b.getScalar().getValue()
            : a.getScalar().getValue() - b.getScalar().getValue();
        out.setScalar(Value.Scalar.newBuilder().setValue(Math.max(0, Scalars.round(v))));
      }
      case RANGES -> out.setRanges(add ? Ranges.union(a.getRanges(), b.getRanges())
          : Ranges.subtract(a.getRanges(), b.getRanges()));
      case SET -> {
        List<String> items = new ArrayList<>(a.getSet().getItemList());
        if (add) {
          b.getSet().getItemList().stream().filter(i -> !items.contains(i)).forEach(items::add);
        } else {
          items.removeAll(b.getSet().getItemList());
        }
        out.setSet(Value.Set.newBuilder().addAllItem(items));
      }
      default -> { }
    }
    return out.build();
  }
}
