package org.exhibitormesos.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.add;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.start;

import java.util.List;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Volume;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.scheduler.mesos.Reservations;
import org.testng.annotations.Test;

/** The exact resources of a first launch: what is reserved, the volume created, what the task gets. */
public class LaunchOperationsTest {
  @Test
  public void aFirstLaunchReservesLabelledResourcesCreatesTheVolumeAndLaunchesOnThem() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    sim.command(add("0"));
    sim.command(start("0"));
    sim.subscribed("fw-1");
    sim.offer(1);
    Call accept = sim.mesos.ofType(Call.Type.ACCEPT).get(0);
    List<Operation> ops = accept.getAccept().getOperationsList();

    List<Resource> reserved = ops.get(0).getReserve().getResourcesList();
    assertThat(reserved).extracting(Resource::getName).containsExactly("cpus", "mem", "disk", "ports");
    String pid = Reservations.persistenceIdOf(reserved.get(0), SchedulerSimulation.ROLE).orElseThrow();
    assertThat(reserved).allSatisfy(r -> {
      assertThat(r.getRole()).isEqualTo(SchedulerSimulation.ROLE);
      assertThat(r.getReservation().getPrincipal()).isEqualTo("em");
      assertThat(Reservations.persistenceIdOf(r, SchedulerSimulation.ROLE)).contains(pid);
      assertThat(r.getAllocationInfo().getRole()).isEqualTo(SchedulerSimulation.ROLE);
      assertThat(r.getReservationsCount()).as("pre-refinement format").isZero();
    });
    assertThat(reserved.get(0).getScalar().getValue()).isEqualTo(0.2);
    assertThat(reserved.get(3).getRanges().getRangeCount()).isEqualTo(4);

    Resource volume = ops.get(1).getCreate().getVolumes(0);
    assertThat(volume.getDisk().getPersistence().getId()).isEqualTo(pid);
    assertThat(volume.getDisk().getPersistence().getPrincipal()).isEqualTo("em");
    assertThat(volume.getDisk().getVolume().getContainerPath()).isEqualTo("zkdata");
    assertThat(volume.getDisk().getVolume().getMode()).isEqualTo(Volume.Mode.RW);

    TaskInfo task = ops.get(2).getLaunch().getTaskInfos(0);
    assertThat(task.getResourcesList()).containsExactly(reserved.get(0), reserved.get(1), reserved.get(3), volume);
    assertThat(task.getTaskId().getValue()).startsWith("exhibitor-0-");
    assertThat(task.getExecutor().getExecutorId().getValue()).startsWith("exhibitor-0-")
        .isNotEqualTo(task.getTaskId().getValue());
    var command = task.getExecutor().getCommand();
    assertThat(command.getValue()).contains("java").contains("-Xmx32m").contains("-jar executor.jar");
    assertThat(command.getUrisList()).extracting(u -> u.getValue())
        .containsExactly("http://127.0.0.1:7000/artifacts/executor.jar",
            "http://127.0.0.1:7000/artifacts/zookeeper-dist.tar.gz");
    assertThat(command.getUris(1).getExtract()).isTrue();
    assertThat(SchedulerSimulation.spec(task).zookeeper().superDigest()).isPresent();
    assertThat(task.getData().toStringUtf8()).doesNotContain(SchedulerSimulation.SECRET);
  }
}
