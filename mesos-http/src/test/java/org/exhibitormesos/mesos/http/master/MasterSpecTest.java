package org.exhibitormesos.mesos.http.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class MasterSpecTest {
  @Test
  public void parsesAStaticList() {
    assertThat(MasterSpec.parse("m1:5050, m2:5051"))
        .isEqualTo(new MasterSpec.Static(List.of(new HostAndPort("m1", 5050),
            new HostAndPort("m2", 5051))));
    assertThat(MasterSpec.parse("[::1]:5050"))
        .isEqualTo(new MasterSpec.Static(List.of(new HostAndPort("::1", 5050))));
  }

  @Test
  public void parsesZooKeeperUrls() {
    assertThat(MasterSpec.parse("zk://z1:2181,z2:2182/mesos"))
        .isEqualTo(new MasterSpec.Zk(List.of(new HostAndPort("z1", 2181),
            new HostAndPort("z2", 2182)), "/mesos", Optional.empty()));
    MasterSpec.Zk withAuth = (MasterSpec.Zk) MasterSpec.parse("zk://alice:s3cr:et@z1:2181/a/b/");
    assertThat(withAuth.digest()).contains(new MasterSpec.Digest("alice", "s3cr:et"));
    assertThat(withAuth.path()).isEqualTo("/a/b");
    assertThat(withAuth.connectString()).isEqualTo("z1:2181");
    assertThat(withAuth.toString()).doesNotContain("s3cr");
    assertThat(((MasterSpec.Zk) MasterSpec.parse("zk://z1:2181")).path()).isEqualTo("/");
  }

  @DataProvider
  public Object[][] invalid() {
    return new Object[][] {
        {"", "it is empty"},
        {"m1", "invalid address 'm1'"},
        {"m1:notaport", "invalid address"},
        {"m1:5050,", "empty host"},
        {"m1:70000", "outside 1..65535"},
        {"http://m1:5050", "unsupported scheme"},
        {"zk://z1/mesos", "invalid address 'z1'"},
        {"zk://z1:2181/mesos//x", "invalid ZooKeeper path"},
        {"zk://alice@z1:2181/mesos", "credentials must be user:password"},
    };
  }

  @Test(dataProvider = "invalid")
  public void rejectsBadInputNamingTheAcceptedForms(String text, String reason) {
    assertThatThrownBy(() -> MasterSpec.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid master '" + text + "'")
        .hasMessageContaining(reason)
        .hasMessageEndingWith("expected " + MasterSpec.ACCEPTED_FORMS);
  }

  @Test
  public void hidesThePasswordInErrors() {
    assertThatThrownBy(() -> MasterSpec.parse("zk://alice:secret@z1/mesos"))
        .hasMessageContaining("zk://alice:***@z1/mesos")
        .hasMessageNotContaining("secret");
  }
}
