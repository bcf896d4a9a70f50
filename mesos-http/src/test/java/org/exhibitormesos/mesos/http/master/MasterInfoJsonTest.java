package org.exhibitormesos.mesos.http.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.testng.annotations.Test;

public class MasterInfoJsonTest {
  @Test
  public void prefersAddressIpAndIgnoresUnknownFields() {
    String json = "{\"id\":\"x\",\"ip\":16777343,\"port\":5050,\"pid\":\"master@127.0.0.1:5050\","
        + "\"hostname\":\"m1.example\",\"version\":\"1.11.0\","
        + "\"address\":{\"hostname\":\"m1.example\",\"ip\":\"10.0.0.7\",\"port\":5051},"
        + "\"capabilities\":[{\"type\":\"AGENT_UPDATE\"},{\"type\":\"QUOTA_V2\"}]}";
    assertThat(MasterInfoJson.address(json)).isEqualTo(new HostAndPort("10.0.0.7", 5051));
  }

  @Test
  public void fallsBackToHostnameThenPackedIp() {
    assertThat(MasterInfoJson.address("{\"address\":{\"hostname\":\"m2\",\"port\":\"5050\"}}"))
        .isEqualTo(new HostAndPort("m2", 5050));
    assertThat(MasterInfoJson.address("{\"hostname\":\"m3\",\"port\":5050}"))
        .isEqualTo(new HostAndPort("m3", 5050));
    assertThat(MasterInfoJson.address("{\"ip\":16777343,\"port\":5050}"))
        .isEqualTo(new HostAndPort("127.0.0.1", 5050));
  }

  @Test
  public void rejectsUnusableData() {
    assertThatThrownBy(() -> MasterInfoJson.address("not json {"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> MasterInfoJson.address("{\"id\":\"x\"}"))
        .hasMessageContaining("no usable address");
    assertThatThrownBy(() -> MasterInfoJson.address("[1]"))
        .hasMessageContaining("not a JSON object");
  }

  @Test
  public void picksTheLowestJsonInfoSequence() {
    assertThat(ZkMasterDetector.lowestMember(List.of("log_replicas", "json.info_0000000012",
        "info_0000000001", "json.info_0000000003", "json.info_x")))
        .contains("json.info_0000000003");
    assertThat(ZkMasterDetector.lowestMember(List.of("log_replicas"))).isEmpty();
  }
}
