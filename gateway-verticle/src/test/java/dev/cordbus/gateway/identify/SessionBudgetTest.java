package dev.cordbus.gateway.identify;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionBudgetTest {

  @Test
  void enoughBudgetSaysNothing() {
    assertNull(SessionBudget.check(new SessionStartLimit(1000, 4, 60_000, 1), 4, "g"));
    assertNull(SessionBudget.check(new SessionStartLimit(1000, 0, 60_000, 1), 0, "g"), "nothing to identify");
  }

  @Test
  void usedUpAndTooLowAreToldApart() {
    String usedUp = SessionBudget.check(new SessionStartLimit(1000, 0, 3_600_000, 1), 2, "g");
    assertTrue(usedUp.contains("used up") && usedUp.contains("0 of 1000") && usedUp.contains("resets in 3600 s")
        && usedUp.contains("group 'g'"), usedUp);
    String low = SessionBudget.check(new SessionStartLimit(1000, 1, 60_000, 1), 3, "g");
    assertTrue(low.contains("too low: 1 of 1000 session starts left for 3 shard(s)") && low.contains("2 shard(s) wait"),
        low);
  }
}
