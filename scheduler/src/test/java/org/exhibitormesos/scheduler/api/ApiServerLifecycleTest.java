package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.artifacts.ArtifactFolder;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.exhibitormesos.scheduler.loop.InMemoryClusterControl;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

public class ApiServerLifecycleTest {
  private ApiServer first;
  private ApiServer second;

  private static ApiServer server(int port) {
    return new ApiServer(ApiServer.Settings.of("127.0.0.1", port), new InMemoryClusterControl(Clock.systemUTC()),
        new StatusViews(ServerMode.NATIVE), new ArtifactServer(new ArtifactFolder(Path.of("target"))),
        Clock.systemUTC());
  }

  @AfterMethod(alwaysRun = true)
  public void close() {
    for (ApiServer s : new ApiServer[] {first, second}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @Test
  public void startsOnceAndClosesIdempotently() throws IOException {
    first = server(0);
    assertThatThrownBy(first::port).isInstanceOf(IllegalStateException.class);
    first.start();
    int port = first.port();
    assertThat(port).isPositive();
    assertThat(first.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThatThrownBy(first::start).isInstanceOf(IllegalStateException.class);
    first.close();
    first.close();
    assertThatThrownBy(first::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  public void closeBeforeStartIsFine() {
    first = server(0);
    first.close();
    assertThatThrownBy(first::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  public void aTakenPortFailsStartNamingTheAddress() throws IOException {
    first = server(0);
    first.start();
    second = server(first.port());
    assertThatThrownBy(second::start).isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1:" + first.port());
    assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
  }
}
