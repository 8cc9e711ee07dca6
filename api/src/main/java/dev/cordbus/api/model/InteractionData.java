package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The {@code data} of an interaction: the command ({@code id, name, type, options, resolved}) or the component ({@code customId, componentType, values}) or the modal ({@code customId, components}). Unknown keys are kept in {@code extra}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionData(String id, String name, Integer type, List<Map<String, Object>> options, Map<String, Object> resolved,
    @JsonProperty("custom_id") String customId, @JsonProperty("component_type") Integer componentType,
    List<Object> values,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
