package org.exhibitormesos.scheduler.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** Records what the state loop sends; optionally looks at the store as each call leaves. */
final class FakeMesos implements Outbox {
  final List<Call> calls = new ArrayList<>();
  int pokes;
  Consumer<Call> onSend = c -> { };

  @Override
  public void send(Call call) {
    onSend.accept(call);
    calls.add(call);
  }

  @Override
  public void pokeMembership() {
    pokes++;
  }

  List<Call> ofType(Call.Type type) {
    return calls.stream().filter(c -> c.getType() == type).toList();
  }

  /** Every task launched by the ACCEPTs sent so far, in order. */
  List<TaskInfo> launched() {
    return ofType(Call.Type.ACCEPT).stream().flatMap(c -> c.getAccept().getOperationsList().stream())
        .filter(o -> o.getType() == Operation.Type.LAUNCH)
        .flatMap(o -> o.getLaunch().getTaskInfosList().stream()).toList();
  }

  void clear() {
    calls.clear();
    pokes = 0;
  }
}
