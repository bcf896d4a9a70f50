package org.exhibitormesos.core.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ConstraintsParseTest {
  private static final String ACCEPTED =
      "; accepted conditions: like:R, unlike:R, unique, cluster, cluster:V, groupBy, groupBy:N";

  private static Constraint c(String attribute, Condition condition) {
    return new Constraint(attribute, condition);
  }

  private static Condition like(String regex) {
    return new Condition.Like(Pattern.compile(regex));
  }

  @DataProvider
  public Object[][] valid() {
    return new Object[][] {
        {"", List.of(), ""},
        {"hostname=unique", List.of(c("hostname", new Condition.Unique())), "hostname=unique"},
        {"hostname=like:slave[0-9]", List.of(c("hostname", like("slave[0-9]"))),
            "hostname=like:slave[0-9]"},
        {"rack=unlike:r1", List.of(c("rack", new Condition.Unlike(Pattern.compile("r1")))),
            "rack=unlike:r1"},
        {"rack=cluster", List.of(c("rack", new Condition.Cluster(Optional.empty()))),
            "rack=cluster"},
        {"rack=cluster:r1", List.of(c("rack", new Condition.Cluster(Optional.of("r1")))),
            "rack=cluster:r1"},
        {"rack=groupBy", List.of(c("rack", new Condition.GroupBy(1))), "rack=groupBy"},
        {"rack=groupBy:1", List.of(c("rack", new Condition.GroupBy(1))), "rack=groupBy"},
        {"rack=groupBy:3", List.of(c("rack", new Condition.GroupBy(3))), "rack=groupBy:3"},
        {"hostname=unique,rack=groupBy:3",
            List.of(c("hostname", new Condition.Unique()), c("rack", new Condition.GroupBy(3))),
            "hostname=unique,rack=groupBy:3"},
        {"rack=like:r.*,rack=unlike:r9", List.of(c("rack", like("r.*")),
            c("rack", new Condition.Unlike(Pattern.compile("r9")))),
            "rack=like:r.*,rack=unlike:r9"},
        // escapes: comma and equals inside a regex, equals and comma inside an attribute
        {"rack=like:r[12]\\,3", List.of(c("rack", like("r[12],3"))), "rack=like:r[12]\\,3"},
        {"rack=like:a\\=b", List.of(c("rack", like("a=b"))), "rack=like:a=b"},
        {"rack=like:a=b", List.of(c("rack", like("a=b"))), "rack=like:a=b"},
        {"a\\=b\\,c=unique", List.of(c("a=b,c", new Condition.Unique())), "a\\=b\\,c=unique"},
        {"path=cluster:c:\\\\tmp", List.of(c("path", new Condition.Cluster(Optional.of("c:\\tmp")))),
            "path=cluster:c:\\\\tmp"},
        {"hostname=like:slave\\\\d+", List.of(c("hostname", like("slave\\d+"))),
            "hostname=like:slave\\\\d+"},
        {"hostname=like:slave\\d", List.of(c("hostname", like("slaved"))), "hostname=like:slaved"},
        {"zone=cluster:eu west", List.of(c("zone", new Condition.Cluster(Optional.of("eu west")))),
            "zone=cluster:eu west"},
        {"rack=like:(?i)R1", List.of(c("rack", like("(?i)R1"))), "rack=like:(?i)R1"},
    };
  }

  @Test(dataProvider = "valid")
  public void parsesToValuesAndCanonicalText(String text, List<Constraint> expected,
      String canonical) {
    Constraints parsed = Constraints.parse(text);

    assertThat(parsed.constraints()).isEqualTo(expected);
    assertThat(parsed).isEqualTo(new Constraints(expected)).hasToString(canonical);
    assertThat(Constraints.parse(parsed.toString())).isEqualTo(parsed);
    assertThat(Constraints.parse(canonical).hashCode()).isEqualTo(parsed.hashCode());
  }

  @DataProvider
  public Object[][] roundTrips() {
    return new Object[][] {
        {c("a,b=c\\d", like("x,y=z\\d\\\\"))},
        {c("rack", new Condition.Cluster(Optional.of(",=\\:")))},
        {c("hostname", new Condition.Unlike(Pattern.compile("\\w+\\.example\\.com")))},
        {c("weird attr", new Condition.GroupBy(7))},
    };
  }

  @Test(dataProvider = "roundTrips")
  public void valuesSurviveToStringAndParse(Constraint constraint) {
    Constraints constraints = new Constraints(List.of(constraint, constraint));

    assertThat(Constraints.parse(constraints.toString())).isEqualTo(constraints);
  }

  @DataProvider
  public Object[][] errors() {
    return new Object[][] {
        {"rack=groupBy:x", "rack=groupBy:x", "groupBy takes a whole number of groups >= 1"},
        {"rack=groupBy:0", "rack=groupBy:0", "groupBy takes a whole number of groups >= 1"},
        {"rack=groupBy:-1", "rack=groupBy:-1", "groupBy takes a whole number of groups >= 1"},
        {"rack=groupBy:", "rack=groupBy:", "groupBy takes a whole number of groups >= 1"},
        {"rack=groupBy:99999999999", "rack=groupBy:99999999999",
            "groupBy takes a whole number of groups >= 1"},
        {"rack=sometimes", "rack=sometimes", "unknown condition 'sometimes'"},
        {"rack=groupby:2", "rack=groupby:2", "unknown condition 'groupby'"},
        {"rack= unique", "rack= unique", "unknown condition ' unique'"},
        {"hostname=unique,rack", "rack",
            "missing '=' between attribute and condition (write attr=cond)"},
        {"=unique", "=unique", "empty attribute"},
        {" rack=unique", " rack=unique", "attribute ' rack' has leading or trailing whitespace"},
        {"hostname=unique, rack=unique", " rack=unique",
            "attribute ' rack' has leading or trailing whitespace"},
        {"rack=", "rack=", "empty condition"},
        {"rack=like", "rack=like", "like needs a regex (like:R)"},
        {"rack=like:", "rack=like:", "like needs a regex (like:R)"},
        {"rack=unlike", "rack=unlike", "unlike needs a regex (unlike:R)"},
        {"rack=like:r[1", "rack=like:r[1", "bad regex 'r[1': Unclosed character class near index 2"},
        {"rack=unlike:*", "rack=unlike:*", "bad regex '*': Dangling meta character '*' near index 0"},
        {"rack=unique:yes", "rack=unique:yes", "unique takes no argument"},
        {"rack=cluster:", "rack=cluster:", "cluster:V needs a value V (or write cluster)"},
        {"rack=like:r1\\", "rack=like:r1\\",
            "trailing backslash escapes nothing (write \\\\ for a literal backslash)"},
        {"hostname=unique,a\\", "a\\",
            "trailing backslash escapes nothing (write \\\\ for a literal backslash)"},
        {" ", " ", "missing '=' between attribute and condition (write attr=cond)"},
    };
  }

  @Test(dataProvider = "errors")
  public void rejectsNamingTheBadConstraint(String text, String bad, String problem) {
    assertThatThrownBy(() -> Constraints.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid constraint '" + bad + "': " + problem + ACCEPTED);
  }

  @DataProvider
  public Object[][] emptyItems() {
    return new Object[][] {
        {"a=unique,,b=unique", 2}, {",a=unique", 1}, {"a=unique,", 2}, {",", 1},
    };
  }

  @Test(dataProvider = "emptyItems")
  public void rejectsEmptyConstraintsBetweenCommas(String text, int position) {
    assertThatThrownBy(() -> Constraints.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid constraints '" + text + "': constraint " + position + " is empty"
            + ACCEPTED);
  }

  @Test
  public void emptyTextMeansNoConstraints() {
    assertThat(Constraints.parse("")).isEqualTo(Constraints.NONE);
    assertThat(Constraints.NONE.isEmpty()).isTrue();
    assertThat(Constraints.NONE).hasToString("");
  }

  @Test
  public void patternsCompareByText() {
    assertThat(like("r1")).isEqualTo(like("r1")).hasSameHashCodeAs(like("r1"))
        .isNotEqualTo(like("r2")).isNotEqualTo(new Condition.Unlike(Pattern.compile("r1")));
    assertThat(new Condition.Like(Pattern.compile("r1", Pattern.CASE_INSENSITIVE)))
        .isNotEqualTo(like("r1"));
  }
}
