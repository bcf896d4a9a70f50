package org.exhibitormesos.scheduler.loop;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.mesos.ExecutorArtifacts;
import org.exhibitormesos.scheduler.mesos.LaunchOperations;
import org.exhibitormesos.scheduler.mesos.MesosResources;
import org.exhibitormesos.scheduler.mesos.OfferHandler;
import org.exhibitormesos.scheduler.mesos.OfferTranslator;
import org.exhibitormesos.scheduler.mesos.SubscriptionHandler;
import org.exhibitormesos.scheduler.mesos.TaskInfos;
import org.exhibitormesos.scheduler.mesos.UpdateHandler;

/** The state loop's handlers, one per kind of message, and the loop-confined state they share. */
public record LoopHandlers(CommandHandler commands, MembershipHandler membership, OfferHandler offers,
    UpdateHandler updates, SubscriptionHandler subscriptions, OfferSuppression suppression) {
  public LoopHandlers {
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(updates, "updates");
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(suppression, "suppression");
  }

  /**
   * What the handlers need from the scheduler's configuration.
   *
   * @param role the framework's role ({@code *}: no reservations, data in the sandbox)
   * @param principal the principal reservations and volumes are made with
   * @param mode the mode a new ensemble gets
   * @param artifacts where agents fetch the executor and the ZooKeeper distribution
   * @param offers offer holding and decline filters
   */
  public record Settings(String role, Optional<String> principal, ServerMode mode, ExecutorArtifacts artifacts,
      OfferHandler.Settings offers) {
    public Settings {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(artifacts, "artifacts");
      Objects.requireNonNull(offers, "offers");
    }
  }

  /** @param uuids fresh unique strings for task, executor and persistence ids */
  public static LoopHandlers create(Settings settings, Supplier<String> uuids) {
    OfferSuppression suppression = new OfferSuppression(settings.role());
    OfferEvaluator evaluator = new OfferEvaluator(server -> "exhibitor-" + server + "-" + uuids.get());
    LaunchOperations operations = new LaunchOperations(new MesosResources(settings.role(), settings.principal()),
        new TaskInfos(settings.artifacts()));
    OfferHandler offers = new OfferHandler(new OfferTranslator(settings.role()), evaluator, new LaunchPlanner(uuids),
        operations, suppression, settings.offers());
    return new LoopHandlers(new CommandHandler(settings.mode()), new MembershipHandler(), offers,
        new UpdateHandler(), new SubscriptionHandler(offers, suppression), suppression);
  }
}
