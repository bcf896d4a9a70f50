package org.exhibitormesos.mesos.local.agent;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Resource;

/**
 * The agent's checkpointed resources: dynamic reservations and persistent volumes, kept in
 * {@code <agentWorkDir>/meta/resources.json} so they survive a restart of mesos-local on the same
 * work dir (like a real agent's {@code meta/resources} checkpoint). Written atomically.
 */
public final class AgentCheckpoint {
  private static final int VERSION = 1;
  private final Path file;

  public AgentCheckpoint(Path agentWorkDir) {
    this.file = agentWorkDir.resolve("meta").resolve("resources.json");
  }

  /**
   * The checkpointed resources, empty when none were saved.
   *
   * @throws IOException if the file exists but cannot be read or parsed (never silently ignored)
   */
  public List<Resource> load() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<Resource> out = new ArrayList<>();
    try {
      JsonObject root = JsonParser.parseString(text).getAsJsonObject();
      if (root.get("version").getAsInt() != VERSION) {
        throw new IOException(file + " has unsupported version " + root.get("version"));
      }
      for (JsonElement e : root.getAsJsonArray("resources")) {
        Resource.Builder b = Resource.newBuilder();
        JsonFormat.parser().merge(e.toString(), b);
        out.add(b.build());
      }
    } catch (RuntimeException | InvalidProtocolBufferException e) {
      throw new IOException(file + " is corrupt: " + e.getMessage(), e);
    }
    return out;
  }

  /** Replaces the checkpoint with {@code resources}. */
  public void save(List<Resource> resources) {
    try {
      Files.createDirectories(file.getParent());
      JsonArray array = new JsonArray();
      for (Resource r : resources) {
        array.add(JsonParser.parseString(JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace().print(r)));
      }
      JsonObject root = new JsonObject();
      root.addProperty("version", VERSION);
      root.add("resources", array);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, root.toString(), StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint agent resources to " + file, e);
    }
  }
}
