package org.exhibitormesos.scheduler.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.zookeeper.KeeperException.Code;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ReconfigResultTest {
  @DataProvider
  public Object[][] codes() {
    return new Object[][] {
        {Code.BADVERSION, ReconfigResult.Stale.class, false},
        {Code.NEWCONFIGNOQUORUM, ReconfigResult.NoQuorum.class, true},
        {Code.RECONFIGINPROGRESS, ReconfigResult.InProgress.class, true},
        {Code.CONNECTIONLOSS, ReconfigResult.Unknown.class, true},
        {Code.SESSIONEXPIRED, ReconfigResult.Unknown.class, true},
        {Code.OPERATIONTIMEOUT, ReconfigResult.Unknown.class, true},
        {Code.NOAUTH, ReconfigResult.Failed.class, false},
        {Code.BADARGUMENTS, ReconfigResult.Failed.class, false},
        {Code.RECONFIGDISABLED, ReconfigResult.Failed.class, false},
        {Code.UNIMPLEMENTED, ReconfigResult.Failed.class, false},
    };
  }

  @Test(dataProvider = "codes")
  public void everyErrorCodeHasOneOutcome(Code code, Class<?> outcome, boolean retryable) {
    ReconfigResult result = ReconfigResult.ofError(code);
    assertThat(result).isInstanceOf(outcome);
    assertThat(result.retryable()).isEqualTo(retryable);
  }

  @Test
  public void okIsNotAnError() {
    assertThatThrownBy(() -> ReconfigResult.ofError(Code.OK)).isInstanceOf(IllegalArgumentException.class);
  }
}
