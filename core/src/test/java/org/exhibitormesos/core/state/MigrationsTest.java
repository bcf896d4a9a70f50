package org.exhibitormesos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.testng.annotations.Test;

/** The migration mechanism, with test migrations (schema 1 has no production migrations yet). */
public class MigrationsTest {
  // Schema 1 -> 2: rename "frameworkID" to "frameworkId"; schema 2 -> 3: add an empty "releases" list.
  private static final Migration RENAME = new Migration(1, "rename frameworkID", doc -> {
    if (doc.has("frameworkID")) {
      doc.add("frameworkId", doc.remove("frameworkID"));
    }
    return doc;
  });
  private static final Migration RELEASES = new Migration(2, "add releases", doc -> {
    if (!doc.has("releases")) {
      doc.add("releases", new com.google.gson.JsonArray());
    }
    return doc;
  });
  private final Migrations migrations = new Migrations(List.of(RENAME, RELEASES));

  private static JsonObject v1() {
    return JsonParser.parseString("{\"schemaVersion\":1,\"frameworkID\":\"fw-1\"}").getAsJsonObject();
  }

  @Test
  public void appliesEveryStepInOrderAndStampsTheSchema() throws Exception {
    JsonObject out = migrations.migrate(v1());
    assertThat(out.get("schemaVersion").getAsInt()).isEqualTo(3);
    assertThat(out.get("frameworkId").getAsString()).isEqualTo("fw-1");
    assertThat(out.has("frameworkID")).isFalse();
    assertThat(out.getAsJsonArray("releases")).isEmpty();
  }

  @Test
  public void startsFromTheDocumentsOwnSchema() throws Exception {
    JsonObject v2 = JsonParser.parseString("{\"schemaVersion\":2,\"frameworkID\":\"left alone\"}").getAsJsonObject();
    JsonObject out = migrations.migrate(v2);
    assertThat(out.has("frameworkID")).as("step 1 not applied to a schema-2 document").isTrue();
    assertThat(out.get("schemaVersion").getAsInt()).isEqualTo(3);
  }

  @Test
  public void stepsAreRerunnable() throws Exception {
    JsonObject once = migrations.migrate(v1());
    JsonObject twice = RELEASES.step().apply(RENAME.step().apply(once.deepCopy()));
    twice.addProperty("schemaVersion", 3);
    assertThat(twice).isEqualTo(once);
    // A crash after migrating but before saving: the old document is migrated again, same result.
    assertThat(migrations.migrate(v1())).isEqualTo(once);
  }

  @Test
  public void inputIsNotModified() throws Exception {
    JsonObject in = v1();
    migrations.migrate(in);
    assertThat(in).isEqualTo(v1());
  }

  @Test
  public void newerSchemaIsRefused() {
    JsonObject v9 = JsonParser.parseString("{\"schemaVersion\":9}").getAsJsonObject();
    assertThatThrownBy(() -> migrations.migrate(v9)).isInstanceOf(StateFormatException.class)
        .hasMessageContaining("state schema 9 is newer than this exhibitor-mesos understands (3)");
  }

  @Test
  public void gapsInTheListAreRejected() {
    assertThatThrownBy(() -> new Migrations(List.of(RELEASES))).hasMessageContaining("expected 1");
  }

  @Test
  public void codecDecodesAnOlderDocumentThroughItsMigrations() throws Exception {
    // A codec whose schema 2 renamed nothing: an identity step keeps the document decodable.
    StateCodec codec2 = new StateCodec(new Migrations(List.of(new Migration(1, "noop", d -> d))));
    byte[] v1 = new StateCodec().encode(StateFixtures.everyField());
    assertThat(new String(v1, StandardCharsets.UTF_8)).contains("\"schemaVersion\": 1");
    assertThat(codec2.decode(v1)).isEqualTo(StateFixtures.everyField());
    assertThat(new String(codec2.encode(StateFixtures.everyField()), StandardCharsets.UTF_8)).contains("\"schemaVersion\": 2");
  }
}
