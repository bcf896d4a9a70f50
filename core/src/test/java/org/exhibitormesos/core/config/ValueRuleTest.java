package org.exhibitormesos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Edge cases of the value kinds beyond the one good and one bad value per option. */
public class ValueRuleTest {

  @DataProvider
  public Object[][] accepted() {
    return new Object[][] {
        {ValueRule.of(ValueKind.AMOUNT), ".5", "0.5"},
        {ValueRule.of(ValueKind.AMOUNT), "2.", "2"},
        {ValueRule.of(ValueKind.AMOUNT), "0.001", "0.001"},
        {ValueRule.of(ValueKind.BOOLEAN), " tRuE ", "true"},
        {ValueRule.of(ValueKind.PORT), "65535", "65535"},
        {ValueRule.of(ValueKind.PORT), "1", "1"},
        {ValueRule.millis(0), "0", "0"},
        {ValueRule.millis(1), "2147483647", "2147483647"},
        {ValueRule.of(ValueKind.RETRY), "0:0", "0:0"},
        {ValueRule.of(ValueKind.DURATION), "0", "0"},
        {ValueRule.of(ValueKind.DURATION), "120s", "2m"},
        {ValueRule.of(ValueKind.CONSTRAINTS), "none", "none"},
        {ValueRule.of(ValueKind.CONSTRAINTS), "rack=groupBy:1", "rack=groupBy"},
        {ValueRule.of(ValueKind.TEXT_BLOCK), "a\n\tb", "a\n\tb"},
        {ValueRule.of(ValueKind.TEXT), " two words ", "two words"},
    };
  }

  @Test(dataProvider = "accepted")
  public void acceptsInCanonicalForm(ValueRule rule, String value, String canonical) {
    assertThat(rule.check(value)).isEqualTo(new Checked.Accepted(canonical));
  }

  @DataProvider
  public Object[][] rejected() {
    return new Object[][] {
        {ValueRule.of(ValueKind.AMOUNT), "NaN"},
        {ValueRule.of(ValueKind.AMOUNT), "Infinity"},
        {ValueRule.of(ValueKind.AMOUNT), "0x10"},
        {ValueRule.of(ValueKind.AMOUNT), "1d"},
        {ValueRule.of(ValueKind.AMOUNT), "+1"},
        {ValueRule.of(ValueKind.AMOUNT), "0.000"},
        {ValueRule.of(ValueKind.AMOUNT), "1234567890123456789"},
        {ValueRule.of(ValueKind.BOOLEAN), "t"},
        {ValueRule.of(ValueKind.WHOLE_NUMBER), "+1"},
        {ValueRule.wholeNumber(1), "99999999999999999999999"},
        {ValueRule.of(ValueKind.RETRY), "1000:"},
        {ValueRule.of(ValueKind.RETRY), "1000:3:1"},
        {ValueRule.of(ValueKind.RETRY), ":3"},
        {ValueRule.choice("red", "black"), "Red"},
        {ValueRule.of(ValueKind.CONSTRAINTS), " hostname=unique"},
        {ValueRule.of(ValueKind.CONSTRAINTS), "None"},
        {ValueRule.of(ValueKind.TEXT), "   "},
    };
  }

  @Test(dataProvider = "rejected")
  public void rejects(ValueRule rule, String value) {
    assertThat(rule.check(value)).isInstanceOf(Checked.Rejected.class);
  }

  @Test
  public void boundsAndChoicesMustSuitTheKind() {
    assertThatThrownBy(() -> new ValueRule(ValueKind.TEXT, 1, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValueRule(ValueKind.CHOICE, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValueRule(ValueKind.MILLIS, 5, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void editDistanceCountsEdits() {
    assertThat(org.exhibitormesos.core.ClosestName.distance("", "abc")).isEqualTo(3);
    assertThat(org.exhibitormesos.core.ClosestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(org.exhibitormesos.core.ClosestName.distance("zoo-cfg-extr", "zoo-cfg-extra")).isEqualTo(1);
  }
}
