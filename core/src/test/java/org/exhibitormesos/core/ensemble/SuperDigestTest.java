package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.Test;

public class SuperDigestTest {

  @Test
  public void matchesZooKeepersDigestForTheLabPassword() {
    // Same value as DigestAuthenticationProvider.generateDigest("super:secret").
    assertThat(SuperDigest.of("secret")).isEqualTo("lK75jTNcA+U9vtVEw5vB51mj/w4=");
  }

  @Test
  public void rejectsAnEmptyPassword() {
    assertThatThrownBy(() -> SuperDigest.of("")).isInstanceOf(InvalidInputException.class);
  }
}
