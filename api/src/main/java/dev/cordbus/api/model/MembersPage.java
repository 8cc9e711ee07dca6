package dev.cordbus.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of the members query; pass {@code next} as {@code after} for the next page (null at the end). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembersPage(List<Member> members, String next, int total) {
}
