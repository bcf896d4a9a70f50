package org.exhibitormesos.exhibitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.time.Duration;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ExhibitorClientTest {
  // What Exhibitor 1.5.6 answers (shape as measured), numbers as numbers.
  static final String STATE = """
      {"version":"v1.5.6","running":true,"backupActive":false,"standaloneMode":false,
       "extraHeadingText":null,"nodeMutationsAllowed":true,"rollInProgress":false,
       "rollStatus":"n/a","rollPercentDone":0,"hostname":"127.0.0.2","serverId":1,
       "config":{"rollInProgress":false,"rollStatus":"n/a","rollPercentDone":0,
        "hostname":"127.0.0.2","serverId":1,"serversSpec":"S:1:127.0.0.2,S:2:127.0.0.3",
        "zooCfgExtra":{"tickTime":"2000","4lw.commands.whitelist":"*"},"backupExtra":{},
        "clientPort":2181,"connectPort":2888,"electionPort":3888,"checkMs":2000,
        "cleanupPeriodMs":0,"cleanupMaxFiles":3,"zookeeperInstallDirectory":"/zk",
        "zookeeperDataDirectory":"/data","javaEnvironment":"","controlPanel":{}}}
      """;

  private FakeExhibitor fake;
  private ExhibitorClient client;

  @BeforeMethod
  public void setUp() throws Exception {
    fake = new FakeExhibitor();
    client = new ExhibitorClient("127.0.0.1", fake.port(), Duration.ofSeconds(2));
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    fake.close();
  }

  @Test
  public void readsTheState() throws Exception {
    fake.answer("config/get-state", 200, STATE);
    ExhibitorState state = client.getState();
    assertThat(state.running()).isTrue();
    assertThat(state.rollInProgress()).isFalse();
    assertThat(state.config().serversSpec().text()).isEqualTo("S:1:127.0.0.2,S:2:127.0.0.3");
    assertThat(state.config().hostname()).contains("127.0.0.2");
    assertThat(state.config().serverId()).contains(1);
    assertThat(fake.requests).containsExactly("GET config/get-state");
  }

  @Test
  public void addsAServerByIdAndPostsTheWholeConfigWithNumbersAsStrings() throws Exception {
    fake.answer("config/get-state", 200, STATE)
        .answer("config/set", 200, "{\"message\":\"OK\",\"succeeded\":true}");
    client.putServer(ServersSpec.Entry.observer(3, "127.0.0.4"));
    assertThat(fake.requests).containsExactly("GET config/get-state", "POST config/set");
    JsonObject posted = JsonParser.parseString(fake.posted.get(0)).getAsJsonObject();
    assertThat(posted.get("serversSpec").getAsString())
        .isEqualTo("S:1:127.0.0.2,S:2:127.0.0.3,O:3:127.0.0.4");
    assertThat(posted.get("clientPort").getAsJsonPrimitive().isString()).isTrue();
    assertThat(posted.get("clientPort").getAsString()).isEqualTo("2181");
    assertThat(posted.get("checkMs").getAsString()).isEqualTo("2000");
    // Nothing Exhibitor sent is lost: a missing zooCfgExtra breaks Exhibitor's parsing.
    assertThat(posted.getAsJsonObject("zooCfgExtra").get("4lw.commands.whitelist")
        .getAsString()).isEqualTo("*");
    assertThat(posted.has("backupExtra")).isTrue();
    assertThat(posted.get("zookeeperDataDirectory").getAsString()).isEqualTo("/data");
  }

  @Test
  public void replacesAndRemovesEntriesByIdNotByHost() throws Exception {
    fake.answer("config/get-state", 200, STATE.replace("S:1:127.0.0.2,S:2:127.0.0.3",
            "S:1:127.0.0.2,S:2:127.0.0.2,S:3:127.0.0.4"))
        .answer("config/set", 200, "{\"message\":\"OK\",\"succeeded\":true}");
    assertThat(client.removeServer(2).serversSpec().text()).isEqualTo("S:1:127.0.0.2,S:3:127.0.0.4");
    assertThat(client.putServer(ServersSpec.Entry.voter(3, "127.0.0.9")).serversSpec().text())
        .isEqualTo("S:1:127.0.0.2,S:2:127.0.0.2,S:3:127.0.0.9");
  }

  @Test
  public void aRefusedConfigIsAnError() {
    fake.answer("config/get-state", 200, STATE)
        .answer("config/set", 200, "{\"message\":\"Another process has updated the config.\","
            + "\"succeeded\":false}");
    assertThatThrownBy(() -> client.removeServer(2)).isInstanceOf(ExhibitorException.class)
        .hasMessageContaining("refused the config: Another process has updated the config.");
  }

  @Test
  public void readsTheClusterViewAndList() throws Exception {
    fake.answer("cluster/status", 200, """
        [{"code":3,"description":"serving","hostname":"127.0.0.2","isLeader":true},
         {"code":1,"description":"down","hostname":"127.0.0.3","isLeader":false}]""")
        .answer("cluster/list", 200, "{\"servers\":[\"127.0.0.2\",\"127.0.0.3\"],\"port\":2181}");
    assertThat(client.clusterStatus()).containsExactly(
        new MemberStatus("127.0.0.2", "serving", 3, true),
        new MemberStatus("127.0.0.3", "down", 1, false));
    assertThat(client.clusterStatus().get(0).line()).isEqualTo("[127.0.0.2, serving, 3, L]");
    assertThat(client.clusterStatus().get(1).serving()).isFalse();
    assertThat(client.clusterList().connectString()).isEqualTo("127.0.0.2:2181,127.0.0.3:2181");
  }

  @Test
  public void httpErrorsAndBadBodiesAreErrorsNamingTheCall() {
    fake.answer("cluster/status", 500, "boom").answer("cluster/list", 200, "{\"servers\":[")
        .answer("config/get-state", 200, "{\"running\":true}");
    assertThatThrownBy(() -> client.clusterStatus()).isInstanceOf(ExhibitorException.class)
        .hasMessageContaining("GET cluster/status").hasMessageContaining("HTTP 500: boom")
        .satisfies(e -> assertThat(((ExhibitorException) e).status()).hasValue(500));
    assertThatThrownBy(() -> client.clusterList()).isInstanceOf(ExhibitorException.class)
        .hasMessageContaining("cluster/list").hasMessageContaining("not JSON");
    assertThatThrownBy(() -> client.getState()).isInstanceOf(ExhibitorException.class)
        .hasMessageContaining("has no config object");
  }

  @Test
  public void noExhibitorIsAnErrorWithoutStatus() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ExhibitorClient nobody = new ExhibitorClient("127.0.0.1", port, Duration.ofSeconds(1));
    assertThatThrownBy(nobody::getState).isInstanceOf(ExhibitorException.class)
        .hasMessageContaining("GET config/get-state")
        .satisfies(e -> assertThat(((ExhibitorException) e).status()).isEmpty());
  }

  @Test
  public void numbersBecomeStringsAtAnyDepth() {
    assertThat(ExhibitorClient.numbersAsStrings(JsonParser.parseString(
        "{\"a\":1,\"b\":{\"c\":2.5,\"d\":[3,\"x\",true,null]}}")).toString())
        .isEqualTo("{\"a\":\"1\",\"b\":{\"c\":\"2.5\",\"d\":[\"3\",\"x\",true,null]}}");
  }
}
