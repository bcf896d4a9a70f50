package org.exhibitormesos.mesos.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhibitormesos.mesos.http.HostAndPort;
import org.testng.annotations.Test;

public class EndpointTest {
  @Test
  public void resolvesProtocolRelativeLocations() {
    assertThat(Endpoint.fromLocation("//10.0.0.2:5050/master/api/v1/scheduler", "/api/v1/scheduler"))
        .isEqualTo(new Endpoint(new HostAndPort("10.0.0.2", 5050), "/master/api/v1/scheduler"));
    assertThat(Endpoint.fromLocation("//m2:5051", "/api/v1/scheduler"))
        .isEqualTo(new Endpoint(new HostAndPort("m2", 5051), "/api/v1/scheduler"));
    assertThat(Endpoint.fromLocation("http://[::1]:5050/api/v1/scheduler", "/x"))
        .isEqualTo(new Endpoint(new HostAndPort("::1", 5050), "/api/v1/scheduler"));
  }

  @Test
  public void rejectsUnusableLocations() {
    assertThatThrownBy(() -> Endpoint.fromLocation("/api/v1/scheduler", "/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unusable redirect Location");
    assertThatThrownBy(() -> Endpoint.fromLocation("https://m:5050/", "/x"))
        .hasMessageContaining("unusable redirect Location");
  }
}
