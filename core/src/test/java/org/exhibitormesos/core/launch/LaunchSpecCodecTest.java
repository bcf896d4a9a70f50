package org.exhibitormesos.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.state.ServerMode;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class LaunchSpecCodecTest {
  static final Ports PORTS = new Ports(31000, 31001, 31002, 31003);
  static final String DYNAMIC = "server.1=127.0.0.2:31001:31002:participant;127.0.0.2:31000\n"
      + "server.2=127.0.0.3:31001:31002:participant;127.0.0.3:31000\n";

  static final String JOINER = DYNAMIC
      + "server.9=127.0.0.2:31001:31002:observer;127.0.0.2:31000\n";

  static LaunchSpec bootstrap() {
    return new LaunchSpec(ServerId.of(1), 1, ServerMode.NATIVE, "127.0.0.2", PORTS,
        ConfigSource.BOOTSTRAP, Optional.of(DYNAMIC), Optional.of("zkdata"),
        ZooKeeperSettings.defaults());
  }

  @DataProvider
  Object[][] specs() {
    ZooKeeperSettings everything = ZooKeeperSettings.defaults()
        .withText("maxClientCnxns=120, ssl.enabledProtocols=TLSv1.3\\,TLSv1.2", "-Dx=1 -Dy=2",
            Optional.of("rootLogger.level = INFO\n"))
        .withHeapMb(128).withProbes(500, 5, 60_000).withCleanup(3_600_000, 5)
        .withSuperDigest("lK75jTNcA+U9vtVEw5vB51mj/w4=")
        .withDirectories(Optional.of("/var/zk/data"), Optional.of("txlog"));
    return new Object[][] {
      {bootstrap()},
      {new LaunchSpec(ServerId.of(7), 9, ServerMode.NATIVE, "127.0.0.2", PORTS, ConfigSource.JOIN,
          Optional.of(JOINER), Optional.empty(), everything)},
      {new LaunchSpec(ServerId.of(0), 254, ServerMode.EXHIBITOR, "agent-1.example", PORTS,
          ConfigSource.RESTART, Optional.empty(), Optional.of("zk.data_1"),
          ZooKeeperSettings.defaults().withSuperDigest("abc=").withHeapMb(32),
          Optional.of(ExhibitorSettings.of(List.of(ExhibitorServer.voter(254, "agent-1.example"),
              new ExhibitorServer(3, "agent-2.example", true)))
              .withFlags(java.util.Map.of("configcheckms", "2000", "servo", "false"))
              .withSharedConfig(java.util.Map.of("backup-period-ms", "60000"))
              .withHeapMb(96)))},
      {new LaunchSpec(ServerId.of(2), 3, ServerMode.EXHIBITOR, "127.0.0.3", PORTS,
          ConfigSource.BOOTSTRAP, Optional.empty(), Optional.empty(), ZooKeeperSettings.defaults(),
          Optional.of(ExhibitorSettings.of(List.of(ExhibitorServer.voter(3, "127.0.0.3")))))},
    };
  }

  @Test(dataProvider = "specs")
  public void roundTrips(LaunchSpec spec) {
    String text = LaunchSpecCodec.encodeText(spec);
    assertThat(LaunchSpecCodec.decode(text)).isEqualTo(spec);
    assertThat(LaunchSpecCodec.decode(LaunchSpecCodec.encode(spec))).isEqualTo(spec);
    assertThat(JsonParser.parseString(text).getAsJsonObject().get("version").getAsInt())
        .isEqualTo(1);
  }

  @Test
  public void rendersZooCfgSpecWithSettings() {
    var spec = new LaunchSpec(ServerId.of(1), 1, ServerMode.NATIVE, "127.0.0.2", PORTS,
        ConfigSource.BOOTSTRAP, Optional.of(DYNAMIC), Optional.empty(),
        ZooKeeperSettings.defaults().withText("maxClientCnxns=9", "", Optional.empty())
            .withCleanup(1, 4).withSuperDigest("abc="));
    var cfg = spec.zooCfgSpec("data", Optional.of("log"), "conf/zoo.cfg.dynamic");
    assertThat(cfg.extra().contains("maxClientCnxns")).isTrue();
    assertThat(cfg.autopurge().purgeIntervalHours()).isEqualTo(1);
    assertThat(cfg.autopurge().snapRetainCount()).isEqualTo(4);
    assertThat(cfg.superDigest()).contains("abc=");
    assertThat(cfg.adminServer().enabled()).isFalse();
    assertThat(cfg.dataLogDir()).contains("log");
  }

  private static Object[] bad(String message, Consumer<JsonObject> edit) {
    return new Object[] {message, edit};
  }

  private static JsonObject zk(JsonObject o) {
    return o.getAsJsonObject("zookeeper");
  }

  @DataProvider
  Object[][] rejected() {
    return new Object[][] {
      bad("field version: unsupported version 2", o -> o.addProperty("version", 2)),
      bad("field version: expected a whole number, found nothing", o -> o.remove("version")),
      bad("field myid: expected a whole number, found \"1\"", o -> o.addProperty("myid", "1")),
      bad("field serverId: expected a whole number, found 1.5",
          o -> o.addProperty("serverId", 1.5)),
      bad("field serverId: server id 300 is out of range", o -> o.addProperty("serverId", 300)),
      bad("field mode: invalid mode 'NATIVE'", o -> o.addProperty("mode", "NATIVE")),
      bad("field config: config source 'fresh' is not one of",
          o -> o.addProperty("config", "fresh")),
      bad("field colour: unknown field", o -> o.addProperty("colour", "red")),
      bad("field zookeeper.heap: unknown field", o -> zk(o).addProperty("heap", 1)),
      bad("field zookeeper.heapMb: expected a whole number, found nothing",
          o -> zk(o).remove("heapMb")),
      bad("field ports.admin: expected a whole number", o -> o.getAsJsonObject("ports")
          .remove("admin")),
      bad("field ports: ports must differ", o -> o.getAsJsonObject("ports")
          .addProperty("admin", 31000)),
      bad("field zookeeper: heap 4 MB is not in 32..32768", o -> zk(o).addProperty("heapMb", 4)),
      bad("field zookeeper: heap 99999 MB", o -> zk(o).addProperty("heapMb", 99999)),
      bad("field zookeeper: 4lw whitelist [mntr] does not allow srvr",
          o -> zk(o).add("fourLetterWords", JsonParser.parseString("[\"mntr\"]"))),
      bad("field zookeeper.fourLetterWords: expected an array of strings",
          o -> zk(o).add("fourLetterWords", JsonParser.parseString("[1]"))),
      bad("field zookeeper: zoo-cfg-extra key 'dataDir' is set by the framework",
          o -> zk(o).addProperty("zooCfgExtra", "dataDir=/x")),
      bad("field zookeeper: check-ms 10 is below 100", o -> zk(o).addProperty("checkPeriodMs", 10)),
      bad("field zookeeper: cleanup-period-ms -1 is negative",
          o -> zk(o).addProperty("cleanupPeriodMs", -1)),
      bad("field zookeeper: super digest is not base64",
          o -> zk(o).addProperty("superDigest", "super:secret")),
      bad("launch spec: zookeeper-data-directory and zookeeper-log-directory apply only",
          o -> zk(o).addProperty("dataDirectory", "/d")),
      bad("launch spec: volume container path '../x' is not a relative, non-nested path",
          o -> o.addProperty("volume", "../x")),
      bad("launch spec: dynamic config missing; bootstrap needs one",
          o -> o.remove("dynamicConfig")),
      bad("launch spec: dynamic config given for a restart", o -> o.addProperty("config",
          "restart")),
      bad("launch spec: dynamic config does not list server 1",
          o -> o.addProperty("dynamicConfig", DYNAMIC.lines().skip(1).findFirst().get())),
      bad("does not match this task's host 127.0.0.9", o -> o.addProperty("host", "127.0.0.9")),
      bad("launch spec: config line 1 'nonsense': unexpected line",
          o -> o.addProperty("dynamicConfig", "nonsense")),
      bad("launch spec: host 'a b' is not a host name", o -> o.addProperty("host", "a b")),
    };
  }

  @Test(dataProvider = "rejected")
  public void rejectsNamingTheField(String message, Consumer<JsonObject> edit) {
    JsonObject o = JsonParser.parseString(LaunchSpecCodec.encodeText(bootstrap()))
        .getAsJsonObject();
    edit.accept(o);
    assertThatThrownBy(() -> LaunchSpecCodec.decode(o.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  static LaunchSpec exhibitorSpec() {
    return new LaunchSpec(ServerId.of(1), 1, ServerMode.EXHIBITOR, "127.0.0.2", PORTS,
        ConfigSource.BOOTSTRAP, Optional.empty(), Optional.of("zkdata"),
        ZooKeeperSettings.defaults(), Optional.of(ExhibitorSettings.of(List.of(
            ExhibitorServer.voter(1, "127.0.0.2"), ExhibitorServer.voter(2, "127.0.0.3")))));
  }

  private static JsonObject ex(JsonObject o) {
    return o.getAsJsonObject("exhibitor");
  }

  @DataProvider
  Object[][] rejectedExhibitor() {
    return new Object[][] {
      bad("field exhibitor: servers spec entry 'X:1:h' is not S:<id>:<host>",
          o -> ex(o).addProperty("serversSpec", "X:1:h")),
      bad("launch spec: servers spec S:2:127.0.0.3 does not list server 1",
          o -> ex(o).addProperty("serversSpec", "S:2:127.0.0.3")),
      bad("servers spec lists server 1 on 127.0.0.9, not on this task's host 127.0.0.2",
          o -> ex(o).addProperty("serversSpec", "S:1:127.0.0.9")),
      bad("field exhibitor: servers spec lists id 1 twice",
          o -> ex(o).addProperty("serversSpec", "S:1:127.0.0.2,O:1:127.0.0.3")),
      bad("field exhibitor: 'colour' is not an Exhibitor flag",
          o -> ex(o).getAsJsonObject("flags").addProperty("colour", "red")),
      bad("field exhibitor: 'check-ms' is not an Exhibitor flag",
          o -> ex(o).getAsJsonObject("flags").addProperty("check-ms", "1")),
      bad("field exhibitor: Exhibitor flag defaultconfig is written by the executor",
          o -> ex(o).getAsJsonObject("flags").addProperty("defaultconfig", "/x")),
      bad("field exhibitor.flags: expected a string for servo",
          o -> ex(o).getAsJsonObject("flags").addProperty("servo", true)),
      bad("field exhibitor: shared config 'zoo-cfg-extra' is not one of",
          o -> ex(o).getAsJsonObject("sharedConfig").addProperty("zoo-cfg-extra", "a=b")),
      bad("field exhibitor: Exhibitor heap 8 MB", o -> ex(o).addProperty("heapMb", 8)),
      bad("field exhibitor.heap: unknown field", o -> ex(o).addProperty("heap", 8)),
      bad("launch spec: Exhibitor settings missing", o -> o.remove("exhibitor")),
      bad("launch spec: Exhibitor settings given for a native-mode server",
          o -> o.addProperty("mode", "native")),
      bad("launch spec: dynamic config given in Exhibitor mode",
          o -> o.addProperty("dynamicConfig", DYNAMIC)),
      bad("launch spec: 4lw whitelist [srvr, stat] lacks ruok or srvr",
          o -> zk(o).add("fourLetterWords", JsonParser.parseString("[\"srvr\",\"stat\"]"))),
    };
  }

  @Test(dataProvider = "rejectedExhibitor")
  public void rejectsExhibitorSpecsNamingTheField(String message, Consumer<JsonObject> edit) {
    JsonObject o = JsonParser.parseString(LaunchSpecCodec.encodeText(exhibitorSpec()))
        .getAsJsonObject();
    edit.accept(o);
    assertThatThrownBy(() -> LaunchSpecCodec.decode(o.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  public void serversSpecParsesAndRendersInOrder() {
    List<ExhibitorServer> spec = ExhibitorServer.parseSpec(" S:3:h3, O:1:h1,,S:2:h2 ");
    assertThat(spec).containsExactly(ExhibitorServer.voter(3, "h3"),
        new ExhibitorServer(1, "h1", true), ExhibitorServer.voter(2, "h2"));
    assertThat(ExhibitorServer.renderSpec(spec)).isEqualTo("S:3:h3,O:1:h1,S:2:h2");
    assertThat(ExhibitorServer.parseSpec("")).isEmpty();
    assertThatThrownBy(() -> ExhibitorServer.parseSpec("S:0:h"))
        .hasMessageContaining("id 0 is not in 1..254");
  }

  @Test
  public void rejectsWhatIsNotOneJsonObject() {
    for (String text : List.of("", "[]", "{\"version\":1} x", "{version:1}", "nul")) {
      assertThatThrownBy(() -> LaunchSpecCodec.decode(text))
          .as(text).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("launch spec");
    }
  }
}
