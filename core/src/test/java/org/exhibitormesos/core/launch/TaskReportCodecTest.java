package org.exhibitormesos.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import java.util.function.Consumer;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.server.Ports;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class TaskReportCodecTest {
  private static final Ports PORTS = new Ports(2181, 2888, 3888, 8080);

  private static TaskReport full() {
    return TaskReport.atLaunch(true, Optional.of(0x100000002L), Optional.of(3), "127.0.0.1", PORTS)
        .withPid(4242).withProbe(ZooKeeperMode.LEADER, Optional.of("0x100000005"));
  }

  @DataProvider
  Object[][] reports() {
    return new Object[][] {
      {TaskReport.atLaunch(false, Optional.empty(), Optional.empty(), "127.0.0.1", PORTS)},
      {full()},
      {full().withExit(Optional.of(137), Optional.of("line 1\n\"quoted\" <tag> é\n"))},
      {full().withProbe(ZooKeeperMode.STANDALONE, Optional.empty())},
    };
  }

  @Test(dataProvider = "reports")
  public void roundTrips(TaskReport report) {
    assertThat(TaskReportCodec.decode(TaskReportCodec.encode(report))).isEqualTo(report);
  }

  @Test
  public void writesReadableFields() {
    JsonObject o = JsonParser.parseString(TaskReportCodec.encodeText(full())).getAsJsonObject();
    assertThat(o.get("lastZxid").getAsString()).isEqualTo("0x100000002");
    assertThat(o.get("mode").getAsString()).isEqualTo("leader");
    assertThat(o.get("dataFound").getAsBoolean()).isTrue();
    assertThat(o.has("exitCode")).isFalse();
  }

  @DataProvider
  Object[][] rejected() {
    return new Object[][] {
      {"field version: unsupported version 0", (Consumer<JsonObject>) o -> o.addProperty(
          "version", 0)},
      {"field dataFound: expected true or false, found \"yes\"",
          (Consumer<JsonObject>) o -> o.addProperty("dataFound", "yes")},
      {"field mode: mode 'LEADER' is not one of", (Consumer<JsonObject>) o -> o.addProperty(
          "mode", "LEADER")},
      {"field zxid: zxid '100000005' is not 0x", (Consumer<JsonObject>) o -> o.addProperty(
          "zxid", "100000005")},
      {"field lastZxid: last zxid '0xABC' is not 0x followed by lower-case hex",
          (Consumer<JsonObject>) o -> o.addProperty("lastZxid", "0xABC")},
      {"field myidOnDisk: expected a whole number", (Consumer<JsonObject>) o -> o.addProperty(
          "myidOnDisk", true)},
      {"field extra: unknown field", (Consumer<JsonObject>) o -> o.addProperty("extra", 1)},
      {"field ports.peer: expected a whole number, found nothing",
          (Consumer<JsonObject>) o -> o.getAsJsonObject("ports").remove("peer")},
      {"field host: expected a string, found nothing", (Consumer<JsonObject>) o -> o.remove(
          "host")},
    };
  }

  @Test(dataProvider = "rejected")
  public void rejectsNamingTheField(String message, Consumer<JsonObject> edit) {
    JsonObject o = JsonParser.parseString(TaskReportCodec.encodeText(full())).getAsJsonObject();
    edit.accept(o);
    assertThatThrownBy(() -> TaskReportCodec.decode(o.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("task report")
        .hasMessageContaining(message);
  }

  @Test
  public void modesFromZooKeeperText() {
    assertThat(ZooKeeperMode.fromZooKeeper("leader")).isEqualTo(ZooKeeperMode.LEADER);
    assertThat(ZooKeeperMode.fromZooKeeper(" Observer ")).isEqualTo(ZooKeeperMode.OBSERVER);
    assertThat(ZooKeeperMode.fromZooKeeper("read-only")).isEqualTo(ZooKeeperMode.UNKNOWN);
  }
}
