package org.legcds.cdshooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One suggested action on a FHIR resource.
 *
 * @param type        create, update or delete
 * @param description human-readable description; required
 * @param resource    the FHIR resource (JSON) to create or update; required for those; a copy is kept
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(Type type, String description, ObjectNode resource) {
    /**
     * Validates against the specification and keeps a copy of the resource.
     *
     * @param type        create, update or delete
     * @param description human-readable description; required
     * @param resource    the FHIR resource to create or update, with a {@code resourceType}; null only for delete
     * @throws NullPointerException     if {@code type} is null, or {@code resource} is null for create or update
     * @throws IllegalArgumentException if {@code description} is blank or missing, or the resource has no
     *                                  {@code resourceType}
     */
    public Action {
        requireNonNull(type, "action.type must not be null");
        Text.requireText(description, "action.description");
        if (type != Type.DELETE) {
            requireNonNull(resource, () -> "action.resource is required for a " + type.json() + " action");
            if (!resource.path("resourceType").isTextual()) {
                throw new IllegalArgumentException("action.resource must be a FHIR resource with a resourceType");
            }
        }
        resource = resource == null ? null : resource.deepCopy();
    }

    /**
     * A defensive copy: the record stays immutable.
     *
     * @return a copy of the resource, or null for a delete action without one
     */
    @Override
    public ObjectNode resource() {
        return resource == null ? null : resource.deepCopy();
    }

    /** The kinds of action. */
    public enum Type {
        /** Create the resource. */
        CREATE,
        /** Update the resource. */
        UPDATE,
        /** Delete the resource. */
        DELETE;

        /**
         * The value the specification uses: the name in lower case, hyphenated ({@code at-most-one}).
         *
         * @return e.g. {@code create}
         */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
