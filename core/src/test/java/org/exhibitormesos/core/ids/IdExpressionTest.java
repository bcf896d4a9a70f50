package org.exhibitormesos.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class IdExpressionTest {

  private static List<ServerId> ids(int... values) {
    return Arrays.stream(values).mapToObj(ServerId::of).collect(Collectors.toList());
  }

  @DataProvider
  public Object[][] valid() {
    return new Object[][] {
        {"0", ids(0), "0"},
        {"254", ids(254), "254"},
        {"0..2", ids(0, 1, 2), "0..2"},
        {"3..3", ids(3), "3"},
        {"0,3,5..7", ids(0, 3, 5, 6, 7), "0,3,5..7"},
        {"7,5,6", ids(5, 6, 7), "5..7"},
        {"1,0..2", ids(0, 1, 2), "0..2"},
        {"2,2", ids(2), "2"},
        {"0,1,3,4", ids(0, 1, 3, 4), "0..1,3..4"},
        {"007", ids(7), "7"},
    };
  }

  @Test(dataProvider = "valid")
  public void parsesExplicitIds(String text, List<ServerId> expected, String canonical) {
    IdExpression expression = IdExpression.parse(text);

    assertThat(expression.isAll()).isFalse();
    assertThat(expression.resolve(ids(100, 200))).containsExactlyElementsOf(expected);
    assertThat(expression).hasToString(canonical);
    assertThat(IdExpression.parse(expression.toString())).isEqualTo(expression);
  }

  @Test
  public void starResolvesToEveryExistingServer() {
    IdExpression all = IdExpression.parse("*");

    assertThat(all.isAll()).isTrue();
    assertThat(all).hasToString("*").isEqualTo(IdExpression.all());
    assertThat(all.resolve(ids(5, 0, 2))).containsExactlyElementsOf(ids(0, 2, 5));
    assertThat(all.resolve(List.of())).isEmpty();
  }

  @DataProvider
  public Object[][] malformed() {
    return new Object[][] {
        {"", "it is empty"},
        {"   ", "it is blank"},
        {" 1", "whitespace is not allowed"},
        {"1 ", "whitespace is not allowed"},
        {"0, 1", "whitespace is not allowed"},
        {"a", "'a' is not a server id"},
        {"-1", "'-1' is not a server id"},
        {"+1", "'+1' is not a server id"},
        {"5..2", "range start 5 is after end 2"},
        {"1..", "range '1..' has no end"},
        {"..3", "range '..3' has no start"},
        {"1..2..3", "range '1..2..3' has more than one '..'"},
        {"1,,2", "item 2 is empty"},
        {"1,", "item 2 is empty"},
        {",1", "item 1 is empty"},
        {"255", "id 255 is out of range"},
        {"300", "id 300 is out of range"},
        {"0..300", "id 300 is out of range"},
        {"99999999999", "id 99999999999 is out of range"},
        {"*,1", "'*' cannot be combined with other ids"},
        {"1.2", "'1.2' is not a server id"},
        {"**", "'**' is not a server id"},
    };
  }

  @Test(dataProvider = "malformed")
  public void rejectsMalformedInputNamingTheBadPart(String text, String problem) {
    assertThatThrownBy(() -> IdExpression.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid id expression '" + text + "': " + problem
            + "; accepted forms: 0, 0..2, 0,3,5..7, * (ids 0..254)");
  }

  @Test
  public void documentedExampleMessage() {
    assertThatThrownBy(() -> IdExpression.parse("5..2")).hasMessage(
        "invalid id expression '5..2': range start 5 is after end 2;"
            + " accepted forms: 0, 0..2, 0,3,5..7, * (ids 0..254)");
  }

  @DataProvider
  public Object[][] formats() {
    return new Object[][] {
        {ids(), ""},
        {ids(0), "0"},
        {ids(2, 0, 1), "0..2"},
        {ids(0, 1, 2, 5, 7, 8), "0..2,5,7..8"},
        {ids(1, 3, 5), "1,3,5"},
        {ids(4, 4, 5), "4..5"},
        {ids(0, 254), "0,254"},
    };
  }

  @Test(dataProvider = "formats")
  public void formatsIdsAsCompactRanges(List<ServerId> ids, String expected) {
    assertThat(IdExpression.format(ids)).isEqualTo(expected);
  }

  @Test
  public void explicitSelectionNeedsAnId() {
    assertThatThrownBy(() -> IdExpression.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(IdExpression.of(ids(3, 1))).hasToString("1,3");
  }
}
