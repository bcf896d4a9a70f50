package org.exhibitormesos.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ServerIdTest {

  @DataProvider
  public Object[][] valid() {
    return new Object[][] {{0}, {1}, {128}, {254}};
  }

  @Test(dataProvider = "valid")
  public void acceptsIdsInRangeAndPrintsTheBareNumber(int value) {
    assertThat(ServerId.of(value)).hasToString(Integer.toString(value))
        .isEqualTo(new ServerId(value));
  }

  @DataProvider
  public Object[][] invalid() {
    return new Object[][] {{-1}, {255}, {300}, {Integer.MIN_VALUE}, {Integer.MAX_VALUE}};
  }

  @Test(dataProvider = "invalid")
  public void rejectsIdsOutOfRange(int value) {
    assertThatThrownBy(() -> ServerId.of(value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("server id " + value + " is out of range 0..254");
  }

  @Test
  public void ordersNumerically() {
    assertThat(ServerId.of(2)).isLessThan(ServerId.of(10));
    assertThat(ServerId.of(10)).isGreaterThan(ServerId.of(9));
  }
}
