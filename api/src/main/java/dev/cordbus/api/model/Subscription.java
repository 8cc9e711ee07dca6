package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A <a href="https://discord.com/developers/docs/resources/subscription#subscription-object">subscription</a>. Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(String id, @JsonProperty("user_id") String userId, @JsonProperty("sku_ids") List<String> skuIds,
    @JsonProperty("entitlement_ids") List<String> entitlementIds,
    @JsonProperty("renewal_sku_ids") List<String> renewalSkuIds,
    @JsonProperty("current_period_start") String currentPeriodStart,
    @JsonProperty("current_period_end") String currentPeriodEnd, int status,
    @JsonProperty("canceled_at") String canceledAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
