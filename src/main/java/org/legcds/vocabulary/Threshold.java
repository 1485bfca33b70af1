package org.legcds.vocabulary;

import java.util.Map;

/**
 * A named clinical cut-off, written once. Rules write {@code threshold("ABI_PAD")} (or, for a cut-off that depends on
 * the unit, {@code threshold("HBA1C_DIABETES", "%")}); the number is put in when the rules are compiled.
 *
 * @param id     the id, e.g. {@code ABI_PAD}
 * @param label  what it means, in clinician words
 * @param values the cut-off per unit
 * @param source the evidence-register claim it comes from
 * @param order  position in the vocabulary
 */
public record Threshold(String id, String label, Map<String, Double> values, String source, int order)
        implements Definition {
    /**
     * Copies the values.
     *
     * @param id     the id
     * @param label  what it means
     * @param values the cut-off per unit; not null
     * @param source the evidence-register claim id
     * @param order  position in the vocabulary
     */
    public Threshold {
        values = Map.copyOf(values);
    }

    /**
     * The cut-off in its only unit.
     *
     * @return the number, or null when the cut-off has several units (see {@link #values()})
     */
    public Double value() {
        return values.size() == 1 ? values.values().iterator().next() : null;
    }

    /**
     * The cut-off and unit in words, as the review document shows it.
     *
     * @return e.g. {@code 0.9} or {@code 6.5 % / 48 mmol/mol}
     */
    public String describe() {
        if (values.size() == 1) {
            Map.Entry<String, Double> only = values.entrySet().iterator().next();
            return UnitRange.format(only.getValue()) + ("1".equals(only.getKey()) ? "" : " " + only.getKey());
        }
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> UnitRange.format(e.getValue()) + " " + e.getKey())
                .reduce((a, b) -> a + " / " + b).orElse("");
    }
}
