package org.exhibitormesos.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.testng.annotations.Test;

public class BasicsTest {
  @Test
  public void backoffDoublesUpToTheCap() {
    ExponentialBackoff b = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(b.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.delayAfter(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(b.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delayAfter(500)).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> b.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void basicCredentialsHeaderHidesTheSecretInToString() {
    Credentials c = new Credentials("principal", "secret");
    assertThat(c.authorizationHeader()).isEqualTo("Basic cHJpbmNpcGFsOnNlY3JldA==");
    assertThat(c.toString()).doesNotContain("secret=secret");
  }

  @Test
  public void hostAndPortParsesAndPrints() {
    assertThat(HostAndPort.parse("10.0.0.1:5050")).isEqualTo(new HostAndPort("10.0.0.1", 5050));
    assertThat(HostAndPort.parse("[fe80::1]:5050").toString()).isEqualTo("[fe80::1]:5050");
    assertThatThrownBy(() -> HostAndPort.parse("fe80::1:5050"))
        .hasMessageContaining("expected host:port or [ipv6]:port");
    assertThatThrownBy(() -> HostAndPort.parse(":5050")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostAndPort.parse("h:0")).hasMessageContaining("outside 1..65535");
  }

  @Test
  public void callExceptionNamesCallStatusAndBody() {
    MesosCallException e = new MesosCallException("ACCEPT", 400, "Framework cannot be found\n");
    assertThat(e).hasMessage("ACCEPT rejected with HTTP 400: Framework cannot be found");
    assertThat(e.status()).isEqualTo(400);
  }
}
