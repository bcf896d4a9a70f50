package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.scheduler.api.StatusFixtures.live;
import static org.exhibitormesos.scheduler.api.StatusFixtures.state;

import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.MemberView;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.loop.InMemoryClusterControl;
import org.testng.annotations.Test;

public class StatusViewsTest {
  private final StatusViews views = new StatusViews(ServerMode.NATIVE);

  private StatusView status(ClusterState state, boolean withLive) {
    return views.status(state, withLive ? Optional.of(live()) : Optional.empty());
  }

  @Test
  public void serversShowStateDesiredReasonPlacementAndResources() {
    List<ServerView> servers = status(state(ServerMode.NATIVE), true).servers();
    assertThat(servers).extracting(ServerView::id).containsExactly(0, 1, 2, 3);
    ServerView running = servers.get(0);
    assertThat(running.state()).isEqualTo("Running");
    assertThat(running.desired()).isEqualTo("active");
    assertThat(running.reason()).isNull();
    assertThat(running.hostname()).isEqualTo("host0");
    assertThat(running.taskId()).isEqualTo("exhibitor-0-t");
    assertThat(running.myid()).isEqualTo(1);
    assertThat(running.ports().client()).isEqualTo(31000);
    assertThat(running.ports().admin()).isEqualTo(31003);
    assertThat(running.endpoint()).isEqualTo("host0:31000");
    assertThat(running.volume()).isEqualTo("vol-0 on host0");
    assertThat(running.constraints()).isEqualTo("hostname=unique");
    assertThat(running.cpu()).isEqualTo(0.2);
    assertThat(running.mem()).isEqualTo(256);
    assertThat(running.disk()).isEqualTo(1024);
    assertThat(running.config().exhibitor()).containsEntry("loglines", "500");
    assertThat(running.config().sharedOverrides()).containsEntry("client-port", "2181");
    assertThat(running.config().framework()).containsEntry("failover-max-tries", "3")
        .containsEntry("configchangebackoff", "10000").containsKey("stickiness-period");

    assertThat(servers.get(1).volume()).isEqualTo(StatusViews.SANDBOX);
    ServerView pending = servers.get(2);
    assertThat(pending.state()).isEqualTo("Pending");
    assertThat(pending.reason()).startsWith("waiting for an offer");
    assertThat(pending.hostname()).isNull();
    assertThat(pending.ports()).isNull();
    assertThat(pending.endpoint()).isNull();
    assertThat(pending.volume()).isNull();
    ServerView added = servers.get(3);
    assertThat(added.desired()).isEqualTo("inactive");
    assertThat(added.myid()).isNull();
  }

  @Test
  public void exhibitorModeEndpointIsTheExhibitorUi() {
    ServerView running = status(state(ServerMode.EXHIBITOR), false).servers().get(0);
    assertThat(running.endpoint()).isEqualTo("http://host0:31003/exhibitor/v1/ui/index.html");
    assertThat(status(state(ServerMode.EXHIBITOR), false).mode()).isEqualTo("exhibitor");
  }

  @Test
  public void exhibitorModeShowsEachRunningServersExhibitorClusterViewAndNativeModeNever() {
    List<String> view = List.of("[host0, serving, 3, L]", "[host1, serving, 3, F]");
    StatusViews exhibitor = new StatusViews(ServerMode.EXHIBITOR, id -> Optional.of(view));
    List<ServerView> servers = exhibitor.status(state(ServerMode.EXHIBITOR), Optional.empty()).servers();
    assertThat(servers.get(0).exhibitorCluster()).isEqualTo(view);
    assertThat(servers.get(2).exhibitorCluster()).as("no task, no view").isNull();
    assertThat(ApiJson.write(servers.get(0))).contains("\"exhibitorCluster\":[\"[host0, serving, 3, L]\"");
    StatusViews nativeViews = new StatusViews(ServerMode.NATIVE, id -> Optional.of(view));
    String json = ApiJson.write(nativeViews.status(state(ServerMode.NATIVE), Optional.of(live())));
    assertThat(json).doesNotContain("exhibitorCluster")
        .isEqualTo(ApiJson.write(views.status(state(ServerMode.NATIVE), Optional.of(live()))));
  }

  @Test
  public void ensembleFromTheLiveView() {
    StatusView status = status(state(ServerMode.NATIVE), true);
    assertThat(status.frameworkId()).isEqualTo("fw-1");
    assertThat(status.ensemble().connectString()).isEqualTo("host0:31000,host1:31010");
    assertThat(status.ensemble().quorum()).isEqualTo(2);
    assertThat(status.ensemble().configVersion()).isEqualTo("100000003");
    assertThat(status.ensemble().members()).extracting(MemberView::myid).containsExactly(1, 2, 3);
    assertThat(status.ensemble().members().get(0).mode()).isEqualTo(MemberView.Mode.LEADER);
    assertThat(status.ensemble().members().get(2).role()).isEqualTo(MemberView.Role.OBSERVER);
    assertThat(status.ensemble().members().get(2).mode()).isEqualTo(MemberView.Mode.UNREACHABLE);
  }

  @Test
  public void ensembleWithoutALiveViewComesFromTheRunningServers() {
    StatusView status = status(state(ServerMode.NATIVE), false);
    assertThat(status.ensemble().connectString()).isEqualTo("host0:31000,host1:31010");
    assertThat(status.ensemble().quorum()).isEqualTo(2);
    assertThat(status.ensemble().configVersion()).isEqualTo("100000003");
    assertThat(status.ensemble().members()).isEmpty();
  }

  @Test
  public void noEnsembleBeforeAnythingLaunched() {
    ClusterState fresh = ClusterState.initial(InMemoryClusterControl.SECRET);
    StatusView status = views.status(fresh, Optional.empty());
    assertThat(status.ensemble()).isNull();
    assertThat(status.mode()).isEqualTo("native");
    assertThat(new StatusViews(ServerMode.EXHIBITOR).status(fresh, Optional.empty()).mode()).isEqualTo("exhibitor");
  }

  @Test
  public void selectedServersOnlyAndUnknownIdsSkipped() {
    StatusView some = views.of(state(ServerMode.NATIVE), Optional.empty(),
        List.of(ServerId.of(3), ServerId.of(1), ServerId.of(9)));
    assertThat(some.servers()).extracting(ServerView::id).containsExactly(1, 3);
  }

  @Test
  public void theSecretNeverAppears() {
    for (ServerMode mode : ServerMode.values()) {
      assertThat(ApiJson.write(status(state(mode), true))).doesNotContain(InMemoryClusterControl.SECRET);
    }
  }
}
