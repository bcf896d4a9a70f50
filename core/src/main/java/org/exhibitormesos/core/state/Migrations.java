package org.exhibitormesos.core.state;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Brings a state document up to the current schema by applying numbered {@link Migration}s in order.
 * The list must be contiguous: migration {@code i} goes from schema {@code i + 1} to {@code i + 2}.
 */
public final class Migrations {
  /** Schema 1 is the first; no production migrations exist yet. */
  public static final Migrations PRODUCTION = new Migrations(List.of());

  private final List<Migration> steps;

  public Migrations(List<Migration> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).from() != i + 1) {
        throw new IllegalArgumentException("migration " + i + " goes from schema " + steps.get(i).from()
            + ", expected " + (i + 1));
      }
    }
    this.steps = List.copyOf(steps);
  }

  /** The schema version documents have after every migration. */
  public int currentSchema() {
    return steps.size() + 1;
  }

  /**
   * Migrates a copy of {@code document} to {@link #currentSchema()}.
   *
   * @throws StateFormatException when the document has no valid schema version or one newer than this code knows
   */
  public JsonObject migrate(JsonObject document) throws StateFormatException {
    JsonObject doc = document.deepCopy();
    int schema = schemaOf(doc);
    if (schema > currentSchema()) {
      throw new StateFormatException("state schema " + schema + " is newer than this exhibitor-mesos understands ("
          + currentSchema() + "); run the newer version or restore a backup");
    }
    for (Migration m : steps.subList(schema - 1, steps.size())) {
      doc = m.step().apply(doc);
      doc.addProperty(StateCodec.SCHEMA_FIELD, m.from() + 1);
    }
    return doc;
  }

  static int schemaOf(JsonObject doc) throws StateFormatException {
    JsonElement e = doc.get(StateCodec.SCHEMA_FIELD);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()
        || e.getAsDouble() != Math.rint(e.getAsDouble()) || e.getAsInt() < 1) {
      throw new StateFormatException("state field " + StateCodec.SCHEMA_FIELD
          + ": expected a whole number >= 1, found " + (e == null ? "nothing" : e.toString()));
    }
    return e.getAsInt();
  }
}
