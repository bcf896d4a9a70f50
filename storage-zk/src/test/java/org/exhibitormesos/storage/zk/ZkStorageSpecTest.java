package org.exhibitormesos.storage.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ZkStorageSpecTest {

  @Test
  public void parsesHostsAndPath() {
    ZkStorageSpec spec =
        ZkStorageSpec.parse("zk:zk1:2181,zk2.example.com:2182/exhibitor-mesos/state");

    assertThat(spec.hosts()).containsExactly("zk1:2181", "zk2.example.com:2182");
    assertThat(spec.path()).isEqualTo("/exhibitor-mesos/state");
    assertThat(spec.credentials()).isEmpty();
    assertThat(spec.connectString()).isEqualTo("zk1:2181,zk2.example.com:2182");
    assertThat(spec.describe()).isEqualTo("zk:zk1:2181,zk2.example.com:2182/exhibitor-mesos/state");
    assertThat(spec.toString()).isEqualTo(spec.describe());
  }

  @Test
  public void parsesCredentialsAndHidesThePassword() {
    ZkStorageSpec spec = ZkStorageSpec.parse("zk:framework:p@ss:w0rd@127.0.0.1:2181/em");

    assertThat(spec.credentials())
        .contains(new ZkStorageSpec.Credentials("framework", "p@ss:w0rd"));
    assertThat(spec.hosts()).isEqualTo(List.of("127.0.0.1:2181"));
    assertThat(spec.toString()).isEqualTo("zk:framework:***@127.0.0.1:2181/em")
        .doesNotContain("w0rd");
    assertThat(spec.describe()).isEqualTo("zk:127.0.0.1:2181/em");
    assertThat(spec.credentials().orElseThrow().toString()).doesNotContain("w0rd");
  }

  @Test
  public void ipv6HostsAreAccepted() {
    assertThat(ZkStorageSpec.parse("zk:[::1]:2181/a").hosts()).containsExactly("[::1]:2181");
  }

  @DataProvider
  public Object[][] badSpecs() {
    return new Object[][] {
        {"file:/var/state.json", "does not start with 'zk:'"},
        {"zk:host:2181", "path is missing"},
        {"zk:host/path", "bad host:port 'host'"},
        {"zk:host:99999/path", "bad host:port"},
        {"zk:host:2181,/path", "bad host:port ''"},
        {"zk:host:2181/", "path must be absolute"},
        {"zk:host:2181/a//b", "bad path segment ''"},
        {"zk:host:2181/a/../b", "bad path segment '..'"},
        {"zk:host:2181/zookeeper", "bad path segment 'zookeeper'"},
        {"zk:userOnly@host:2181/p", "credentials must be user:password"},
        {"zk::secretpw@host:2181/p", "user must be non-blank"},
        {"zk:user:@host:2181/p", "password must not be empty"},
    };
  }

  @Test(dataProvider = "badSpecs")
  public void badSpecsNameTheAcceptedForms(String text, String why) {
    assertThatThrownBy(() -> ZkStorageSpec.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why)
        .hasMessageContaining(ZkStorageSpec.FORMS);
  }

  @Test
  public void errorsNeverEchoThePassword() {
    for (String text : List.of("zk:user:topsecret@host/p", "zk:user:topsecret@host:2181",
        "zk:user:topsecret@host:2181/a/../b", "zk:user:topsecret@host:2181,/p")) {
      assertThatThrownBy(() -> ZkStorageSpec.parse(text))
          .as(text)
          .hasMessageNotContaining("topsecret")
          .hasMessageContaining("zk:user:***@");
    }
  }

  @Test
  public void withPathKeepsEnsembleAndCredentials() {
    ZkStorageSpec spec = ZkStorageSpec.parse("zk:u:p@h:1/a");
    assertThat(spec.withPath("/b"))
        .isEqualTo(new ZkStorageSpec(List.of("h:1"), "/b",
            Optional.of(new ZkStorageSpec.Credentials("u", "p"))));
  }
}
