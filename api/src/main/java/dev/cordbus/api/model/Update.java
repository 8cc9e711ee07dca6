package dev.cordbus.api.model;

/**
 * A typed cache-aware event: {@code before} is null for creates (and uncached deletes), {@code after} is null
 * for deletes.
 *
 * @param <T> the model type
 */
public record Update<T>(String guildId, T before, T after) {
}
