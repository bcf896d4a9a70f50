package org.exhibitormesos.mesos.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Value;
import org.testng.annotations.Test;

public class ResourcesTest {
  private static Resource cpus(double v) {
    return Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }

  private static Resource ports(long b, long e) {
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
        .setRanges(Ranges.of(b, e)).build();
  }

  @Test
  public void scalarsUseThreeDecimals() {
    Resources r = Resources.of(List.of(cpus(0.1), cpus(0.2)));
    assertThat(r.scalar("cpus")).isEqualTo(0.3);
    assertThat(r.minus(cpus(0.3)).isEmpty()).isTrue();
    assertThat(r.contains(cpus(0.3))).isTrue();
    assertThat(r.contains(cpus(0.3001))).isTrue();
    assertThat(r.contains(cpus(0.31))).isFalse();
  }

  @Test
  public void rangesMergeSplitAndContain() {
    Resources r = Resources.of(List.of(ports(31000, 31010), ports(31011, 31020)));
    assertThat(r.toList()).hasSize(1);
    assertThat(Ranges.format(r.toList().get(0).getRanges())).isEqualTo("[31000-31020]");
    Resources left = r.minus(ports(31005, 31006));
    assertThat(Ranges.format(left.toList().get(0).getRanges()))
        .isEqualTo("[31000-31004,31007-31020]");
    assertThat(left.contains(ports(31005, 31005))).isFalse();
    assertThat(left.contains(ports(31007, 31020))).isTrue();
  }

  @Test
  public void reservationsAreSeparateIdentities() {
    Resource reserved = cpus(1).toBuilder().addReservations(ReservationInfo.newBuilder()
        .setType(ReservationInfo.Type.DYNAMIC).setRole("zk").setPrincipal("p")).build();
    Resources r = Resources.of(List.of(cpus(2), reserved));
    assertThat(r.scalar("cpus")).isEqualTo(3);
    assertThat(r.contains(cpus(3))).isFalse();
    assertThat(ResourceFormats.reservationRole(reserved)).isEqualTo("zk");
    assertThat(ResourceFormats.popReservation(reserved)).isEqualTo(cpus(1));
  }

  @Test
  public void preRefinementFormatRoundTrips() {
    Resource legacy = cpus(1).toBuilder().setRole("zk")
        .setReservation(ReservationInfo.newBuilder().setPrincipal("p")).build();
    Resource internal = ResourceFormats.normalize(legacy);
    assertThat(internal.getReservations(0).getType()).isEqualTo(ReservationInfo.Type.DYNAMIC);
    assertThat(internal.hasRole()).isFalse();
    assertThat(ResourceFormats.forFramework(internal, "zk", false, false)).isEqualTo(legacy);
    Resource multi = ResourceFormats.forFramework(internal, "zk", true, true);
    assertThat(multi.getAllocationInfo().getRole()).isEqualTo("zk");
    assertThat(ResourceFormats.normalize(multi)).isEqualTo(internal);
  }
}
