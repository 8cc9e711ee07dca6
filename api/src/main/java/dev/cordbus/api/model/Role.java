package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A <a href="https://discord.com/developers/docs/topics/permissions#role-object">guild role</a>; {@code permissions}
 * is Discord's decimal string. Unknown keys (colors, icon, tags...) are kept in {@code extra}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(String id, String name, int color, boolean hoist, int position, String permissions,
    boolean managed, boolean mentionable, int flags,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
