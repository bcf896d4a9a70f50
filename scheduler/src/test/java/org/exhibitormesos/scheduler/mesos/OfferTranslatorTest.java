package org.exhibitormesos.scheduler.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.AllocationInfo;
import org.apache.mesos.v1.Protos.Resource.DiskInfo;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.Protos.Volume;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.server.PortRange;
import org.testng.annotations.Test;

public class OfferTranslatorTest {
  private static final AllocationInfo ALLOC = AllocationInfo.newBuilder().setRole("exhibitor").build();

  static Resource scalar(String name, double v, String role) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR).setRole(role).setAllocationInfo(ALLOC)
        .setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }

  static Resource ports(long begin, long end, String role) {
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRole(role).setAllocationInfo(ALLOC)
        .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end))).build();
  }

  static Resource reserved(Resource r, String pid) {
    return r.toBuilder().setReservation(ReservationInfo.newBuilder().setPrincipal("em")
        .setLabels(Reservations.labels(pid))).build();
  }

  static Resource volume(double mb, String pid) {
    return reserved(scalar("disk", mb, "exhibitor"), pid).toBuilder().setDisk(DiskInfo.newBuilder()
        .setPersistence(DiskInfo.Persistence.newBuilder().setId(pid).setPrincipal("em"))
        .setVolume(Volume.newBuilder().setContainerPath("zkdata").setMode(Volume.Mode.RW))).build();
  }

  @Test
  public void unreservedPoolReservationsAndAttributes() {
    org.apache.mesos.v1.Protos.Offer offer = org.apache.mesos.v1.Protos.Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue("O1")).setFrameworkId(FrameworkID.newBuilder().setValue("F"))
        .setAgentId(AgentID.newBuilder().setValue("S1")).setHostname("127.0.0.2").setAllocationInfo(ALLOC)
        .addResources(scalar("cpus", 2, "*")).addResources(scalar("mem", 1024, "*")).addResources(scalar("disk", 5000, "*"))
        .addResources(ports(31000, 31099, "*")).addResources(ports(31200, 31200, "*"))
        .addResources(reserved(scalar("cpus", 0.2, "exhibitor"), "zk-0-a"))
        .addResources(reserved(scalar("mem", 256, "exhibitor"), "zk-0-a"))
        .addResources(reserved(ports(31100, 31103, "exhibitor"), "zk-0-a"))
        .addResources(volume(1024, "zk-0-a"))
        // a reservation of ours without its volume yet, and one of another framework: not volumes
        .addResources(reserved(scalar("cpus", 0.3, "exhibitor"), "zk-1-b"))
        .addResources(scalar("cpus", 5, "other").toBuilder().setReservation(ReservationInfo.newBuilder()).build())
        .addAttributes(Attribute.newBuilder().setName("rack").setType(Value.Type.TEXT).setText(Value.Text.newBuilder().setValue("r1")))
        .addAttributes(Attribute.newBuilder().setName("weight").setType(Value.Type.SCALAR).setScalar(Value.Scalar.newBuilder().setValue(2)))
        .addAttributes(Attribute.newBuilder().setName("nodes").setType(Value.Type.RANGES).setRanges(Value.Ranges.newBuilder()
            .addRange(Value.Range.newBuilder().setBegin(1).setEnd(3))))
        .build();
    Offer o = new OfferTranslator("exhibitor").translate(offer);
    assertThat(o.offerId()).isEqualTo("O1");
    assertThat(o.agentId()).isEqualTo("S1");
    assertThat(o.role()).isEqualTo("exhibitor");
    assertThat(o.agent().hostname()).isEqualTo("127.0.0.2");
    assertThat(o.agent().attributes()).containsEntry("rack", "r1").containsEntry("weight", "2").containsEntry("nodes", "[1-3]");
    assertThat(o.unreserved()).isEqualTo(new Offer.OfferedResources(2, 1024, 5000,
        List.of(new PortRange(31000, 31099), new PortRange(31200, 31200))));
    assertThat(o.volumes()).containsExactly(new Offer.OfferedVolume("zk-0-a", "zkdata",
        new Offer.OfferedResources(0.2, 256, 1024, List.of(new PortRange(31100, 31103)))));
  }
}
