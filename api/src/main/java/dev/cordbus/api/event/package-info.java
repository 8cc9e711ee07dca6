/**
 * Typed events: {@link dev.cordbus.api.event.EventType} keys ({@link dev.cordbus.api.event.Events} for every
 * dispatch and cordbus's own bodies), the {@link dev.cordbus.api.event.Event} a handler receives (headers, JSON, the
 * record decoded on first use), the payload records of dispatches that are not a resource object
 * ({@code *Payloads}, {@link dev.cordbus.api.event.Lifecycle}), decoding ({@link dev.cordbus.api.event.TypedJson})
 * and handler failure reports ({@link dev.cordbus.api.event.HandlerErrors}). Resource records live in
 * {@code dev.cordbus.api.model}; state event keys and bodies in {@code dev.cordbus.api.state}.
 */
package dev.cordbus.api.event;
