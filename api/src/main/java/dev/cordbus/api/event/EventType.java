package dev.cordbus.api.event;

import com.fasterxml.jackson.databind.JavaType;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A typed key of one event: its name, the event-bus address it is published on and the record its body decodes
 * into. The keys are constants of {@link Events} (dispatches, shard lifecycle, REST, errors) and
 * {@link dev.cordbus.api.state.StateKeys} (cache-aware state events); pass one to
 * {@code CordbusClient.on(key, handler)}.
 *
 * @param <T> the record the body decodes into
 */
public final class EventType<T> {

  private final String name;
  private final String address;
  private final JavaType type;

  private EventType(String name, String address, JavaType type) {
    this.name = Objects.requireNonNull(name, "name");
    this.address = Objects.requireNonNull(address, "address");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A key named {@code name} on {@code address} whose body decodes into {@code type}. */
  public static <T> EventType<T> of(String name, String address, JavaType type) {
    return new EventType<>(name, address, type);
  }

  /** A key named {@code name} on {@code address} whose body decodes into {@code type}. */
  public static <T> EventType<T> of(String name, String address, Class<T> type) {
    return new EventType<>(name, address, TypedJson.type(type));
  }

  /** The event's name (the dispatch name {@code t}, a state event name, or the lifecycle address). */
  public String name() {
    return name;
  }

  /** The event-bus address it is published on. */
  public String address() {
    return address;
  }

  /** The Jackson type of its record. */
  public JavaType type() {
    return type;
  }

  /** The record class (raw, without type parameters). */
  public Class<?> recordClass() {
    return type.getRawClass();
  }

  /** Decodes a body of this event. */
  public T decode(JsonObject body) {
    return TypedJson.decode(name, body, type);
  }

  @Override
  public String toString() {
    return name + " (" + address + " -> " + type.toCanonical() + ")";
  }
}
