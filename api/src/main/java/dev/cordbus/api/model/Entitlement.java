package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An <a href="https://discord.com/developers/docs/resources/entitlement#entitlement-object">entitlement</a>. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Entitlement(String id, @JsonProperty("sku_id") String skuId, @JsonProperty("application_id") String applicationId,
    @JsonProperty("user_id") String userId, @JsonProperty("guild_id") String guildId, int type, boolean deleted,
    @JsonProperty("starts_at") String startsAt, @JsonProperty("ends_at") String endsAt, Boolean consumed,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
