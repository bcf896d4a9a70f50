package org.exhibitormesos.mesos.local.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.mesos.local.FaultInjection;

/**
 * {@code POST /faults/...}: the fault injection API over HTTP. Runs on {@code blocking} because a
 * fault may wait for servers to stop.
 * <pre>
 * POST /faults/agents/{index}/remove
 * POST /faults/agents/{index}/restore
 * POST /faults/agents/{index}/drop-executor-connections
 * POST /faults/master/failover
 * POST /faults/frameworks/{id}/drop-subscription
 * POST /faults/process-group-cleanup?enabled=true|false
 * POST /faults/drop-events?types=HEARTBEAT,MESSAGE   (empty: deliver everything again)
 * </pre>
 */
final class FaultRoutes {
  private static final Logger LOG = LogManager.getLogger(FaultRoutes.class);
  private final FaultInjection faults;
  private final ExecutorService blocking;

  FaultRoutes(FaultInjection faults, ExecutorService blocking) {
    this.faults = faults;
    this.blocking = blocking;
  }

  void handle(Channel channel, FullHttpRequest request, String path, boolean keepAlive) {
    if (!request.method().equals(HttpMethod.POST)) {
      HttpResponses.send(channel, 405, "Expecting POST", !keepAlive);
      return;
    }
    QueryStringDecoder query = new QueryStringDecoder(request.uri());
    String[] p = path.substring("/faults/".length()).split("/");
    try {
      blocking.execute(() -> {
        int status = 200;
        String body;
        try {
          body = run(p, query);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          status = 400;
          body = "Invalid fault request " + path + ": " + e.getMessage();
        } catch (RuntimeException e) {
          LOG.warn("fault {} failed", path, e);
          status = 500;
          body = "Fault " + path + " failed: " + e.getMessage();
        }
        HttpResponses.send(channel, status, body, !keepAlive);
      });
    } catch (RejectedExecutionException e) {
      HttpResponses.send(channel, 503, "Shutting down", true);
    }
  }

  private String run(String[] p, QueryStringDecoder query) {
    if (p.length == 3 && p[0].equals("agents")) {
      int index = Integer.parseInt(p[1]);
      switch (p[2]) {
        case "remove" -> faults.removeAgent(index);
        case "restore" -> faults.restoreAgent(index);
        case "drop-executor-connections" -> {
          return "dropped " + faults.dropExecutorConnections(index) + " connection(s)\n";
        }
        default -> throw new IllegalArgumentException("unknown agent fault '" + p[2] + "'");
      }
      return "ok\n";
    }
    if (p.length == 2 && p[0].equals("master") && p[1].equals("failover")) {
      faults.failoverMaster();
      return "ok\n";
    }
    if (p.length == 3 && p[0].equals("frameworks") && p[2].equals("drop-subscription")) {
      return faults.dropSubscription(p[1]) ? "ok\n" : "framework " + p[1] + " is not subscribed\n";
    }
    if (p.length == 1 && p[0].equals("drop-events")) {
      java.util.Set<org.apache.mesos.v1.scheduler.Protos.Event.Type> types =
          new java.util.HashSet<>();
      for (String t : query.parameters().getOrDefault("types", List.of(""))) {
        for (String name : t.split(",")) {
          if (!name.isBlank()) {
            types.add(org.apache.mesos.v1.scheduler.Protos.Event.Type.valueOf(name.trim()));
          }
        }
      }
      faults.dropEvents(types);
      return "dropping " + types + "\n";
    }
    if (p.length == 1 && p[0].equals("process-group-cleanup")) {
      List<String> enabled = query.parameters().getOrDefault("enabled", List.of());
      if (enabled.size() != 1 || !(enabled.get(0).equals("true") || enabled.get(0).equals("false"))) {
        throw new IllegalArgumentException("expected ?enabled=true or ?enabled=false");
      }
      faults.setProcessGroupCleanup(Boolean.parseBoolean(enabled.get(0)));
      return "ok\n";
    }
    throw new IllegalArgumentException("unknown fault");
  }
}
