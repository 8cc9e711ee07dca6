package dev.cordbus.state.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The state's counters keep counting after a garbage collection: a Micrometer function counter holds what it reads
 * only weakly, and the state verticle hands its monitor lambdas that nothing else holds (once collected, a scrape read
 * 0 or NaN for them: the state events and duplicates counters of {@code MetricsScrapeTest}).
 */
class StateMonitorTest {

  @Test
  void countersStillReadTheirSourcesAfterGc() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicLong duplicates = new AtomicLong(3);
    AtomicLong published = new AtomicLong(7);
    AtomicLong unheard = new AtomicLong(11);
    StateMonitor monitor = new StateMonitor(registry, "local", () -> duplicates.get());
    monitor.events(() -> published.get(), () -> unheard.get()); // capturing lambdas: new objects, held by no one else
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(20);
    }
    published.addAndGet(1);
    assertEquals(3.0, registry.get("cordbus.state.duplicates.dropped").functionCounter().count());
    assertEquals(8.0, registry.get("cordbus.state.events").tag("outcome", "published").functionCounter().count());
    assertEquals(11.0, registry.get("cordbus.state.events").tag("outcome", "unheard").functionCounter().count());
    assertNotNull(monitor, "the monitor itself stays reachable until here, as the state verticle's field keeps it");
  }
}
