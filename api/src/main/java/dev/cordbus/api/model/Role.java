package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A guild role; {@code permissions} is Discord's decimal string. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(String id, String name, int color, boolean hoist, int position, String permissions,
    boolean managed, boolean mentionable, int flags) {
}
