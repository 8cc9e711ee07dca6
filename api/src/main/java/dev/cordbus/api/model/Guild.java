package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A cached guild: top-level fields, roles and counts (members and channels have their own queries). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Guild(String id, String name, String icon, String description, @JsonProperty("owner_id") String ownerId,
    @JsonProperty("member_count") int memberCount, boolean unavailable, List<Role> roles,
    @JsonProperty("preferred_locale") String preferredLocale, List<String> features) {
}
