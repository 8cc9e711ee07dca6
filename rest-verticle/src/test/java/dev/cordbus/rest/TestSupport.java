package dev.cordbus.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.rest.RestFailure;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** Blocking helpers for tests (bounded waits), log capture and event capture. */
final class TestSupport {

  private TestSupport() {
  }

  static <T> T await(Future<T> future, long seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("future did not complete in " + seconds + " s", e);
    }
  }

  static RestFailure failure(Future<?> future, long seconds) {
    try {
      future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return RestFailure.from(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("future did not complete in " + seconds + " s", e);
    }
    throw new AssertionError("expected a failure, got success");
  }

  static String deploy(Vertx vertx, JsonObject config) {
    return await(vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(config)), 10);
  }

  /** Collects {@code discord.rest} events. */
  static List<JsonObject> events(Vertx vertx) {
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(RestAddresses.RESPONSE_EVENT, m -> events.add(m.body()))
        .completion(), 5);
    return events;
  }

  /** Attaches a list appender to the root logger. */
  static ListAppender<ILoggingEvent> captureLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    return appender;
  }

  static void detach(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
  }

  static boolean logsContain(ListAppender<ILoggingEvent> appender, String secret) {
    return appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains(secret)
        || (e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(secret)));
  }
}
