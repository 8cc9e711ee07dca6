package dev.cordbus.gateway.it;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every message sent or published on the event bus (outbound interceptor), for assertions. */
final class BusRecorder {

  /** One recorded message. */
  record Sent(String address, Object body, MultiMap headers, long atNanos) {

    JsonObject json() {
      return body instanceof JsonObject j ? j : null;
    }

    String header(String name) {
      return headers == null ? null : headers.get(name);
    }
  }

  private final List<Sent> all = new ArrayList<>();

  BusRecorder(Vertx vertx) {
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      var m = ctx.message();
      synchronized (all) {
        all.add(new Sent(m.address(), m.body(), MultiMap.caseInsensitiveMultiMap().addAll(m.headers()),
            System.nanoTime()));
      }
      ctx.next();
    });
  }

  List<Sent> all() {
    synchronized (all) {
      return new ArrayList<>(all);
    }
  }

  List<Sent> on(String address) {
    return where(s -> s.address().equals(address));
  }

  List<Sent> where(Predicate<Sent> p) {
    return all().stream().filter(p).toList();
  }

  int size() {
    synchronized (all) {
      return all.size();
    }
  }
}
