package dev.cordbus.api.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Completable;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What {@link ClusterAudience} believes, driven by hand: lookups answered when the test says, registration changes
 * reported when it says, and a clock it sets. The real cluster is in {@code StateEventAudienceTest}
 * (cluster-tests, two JVMs); this covers the orderings a real cluster rarely shows.
 */
class ClusterAudienceTest {

  private static final String A = "discord.state.MESSAGE_CREATE";

  /** Lookups waiting for an answer, in order. */
  private final List<Completable<List<RegistrationInfo>>> pending = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final ClusterAudience audience = new ClusterAudience(cluster(), now::get);

  private ClusterManager cluster() {
    return (ClusterManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ClusterManager.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getRegistrations")) {
            @SuppressWarnings("unchecked")
            Completable<List<RegistrationInfo>> answer = (Completable<List<RegistrationInfo>>) args[1];
            pending.add(answer);
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private void answer(List<RegistrationInfo> registrations) {
    pending.remove(0).succeed(registrations);
  }

  @Test
  void nothingIsBelievedBeforeTheWatchIsRegistered() {
    assertFalse(audience.nobody(A));
    assertEquals(0, pending.size(), "no lookup either: an answer could not be kept current");
  }

  @Test
  void nobodyIsLearnedByOneLookupAndForgottenOnAnyChange() {
    audience.watchingForTests();
    assertFalse(audience.nobody(A), "unknown: publish while it looks");
    assertFalse(audience.nobody(A));
    assertEquals(1, pending.size(), "one lookup at a time");
    answer(List.of());
    assertTrue(audience.nobody(A));
    assertTrue(audience.nobody(A));
    assertEquals(0, pending.size(), "no more lookups while nobody is known");

    audience.changed(A); // a consumer registered somewhere
    assertFalse(audience.nobody(A), "after a change nothing is known");
    answer(List.of(new RegistrationInfo("node-b", 1, false)));
    assertFalse(audience.nobody(A), "someone");
    assertFalse(audience.nobody(A));
    assertEquals(0, pending.size(), "someone is believed until the next change");

    audience.changed(A); // it left
    assertFalse(audience.nobody(A));
    answer(List.of());
    assertTrue(audience.nobody(A));
  }

  @Test
  void aLookupOvertakenByAChangeIsNotBelieved() {
    audience.watchingForTests();
    assertFalse(audience.nobody(A));
    audience.changed(A); // a consumer registered while the lookup was under way: its answer may predate it
    answer(List.of());
    assertFalse(audience.nobody(A), "the stale 'nobody' is dropped");
    assertEquals(1, pending.size(), "and the address is looked up again");
    answer(List.of(new RegistrationInfo("node-b", 1, false)));
    assertFalse(audience.nobody(A));
  }

  @Test
  void aClearedMapForgetsEverything() {
    audience.watchingForTests();
    audience.nobody(A);
    answer(List.of());
    assertTrue(audience.nobody(A));
    audience.changedAll();
    assertFalse(audience.nobody(A));
  }

  @Test
  void nobodyIsAskedAgainAfterTenSecondsWithoutNews() {
    audience.watchingForTests();
    audience.nobody(A);
    answer(List.of());
    now.addAndGet(ClusterAudience.REFRESH_NANOS - 1);
    assertTrue(audience.nobody(A), "still believed just before");
    now.addAndGet(1);
    assertFalse(audience.nobody(A), "a dropped entry event cannot hide a consumer for longer");
    assertEquals(1, pending.size());
    answer(List.of());
    assertTrue(audience.nobody(A));
  }

  @Test
  void aFailedLookupIsRetriedAfterASecond() {
    audience.watchingForTests();
    audience.nobody(A);
    pending.remove(0).fail(new IllegalStateException("partition migrating"));
    assertFalse(audience.nobody(A));
    assertEquals(0, pending.size(), "not at once");
    now.addAndGet(1_000_000_000L);
    assertFalse(audience.nobody(A));
    assertEquals(1, pending.size(), "after a second");
  }
}
