package org.legcds.vocabulary;

/**
 * An accepted unit of a measurement with the range of values that is plausible in that unit; a value outside it is
 * refused as bad input, never guessed at.
 *
 * @param unit the unit as written in case files and FHIR (UCUM-like), e.g. {@code mmol/mol}
 * @param min  the lowest plausible value
 * @param max  the highest plausible value
 */
public record UnitRange(String unit, double min, double max) {

    /**
     * Whether a value is plausible in this unit.
     *
     * @param value a measured value
     * @return true if it is a number from {@code min} to {@code max}, inclusive
     */
    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= min && value <= max;
    }

    /** The unit and range, e.g. {@code mmol/L 90 to 200}. */
    @Override
    public String toString() {
        return unit + " " + format(min) + " to " + format(max);
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
