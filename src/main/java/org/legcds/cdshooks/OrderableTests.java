package org.legcds.cdshooks;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.legcds.assessment.RedFlagCheck;
import org.legcds.assessment.Step;
import org.legcds.facts.Code;
import org.legcds.facts.Terminology;

/**
 * Mapping data at the edge: which recommended steps a card can offer as draft orders, with their order codes, and which
 * steps are time-critical. The rules never see these codes (they speak the project's vocabulary); only cards do.
 *
 * <p>Order codes are given only where they are the standard code of the same concept: laboratory tests reuse the LOINC
 * code of the result in the vocabulary ({@link Code#systemCode()}); imaging uses the LOINC radiology code of the
 * study. Where no such code is certain (ABI, toe pressures, panels) the order carries text only, which a host maps to
 * its own order catalogue: a guessed code in an order is worse than none.
 */
final class OrderableTests {

    /** The FHIR ServiceRequest priorities used. */
    enum Priority {
        ROUTINE("routine"), URGENT("urgent"), STAT("stat");

        final String fhir;

        Priority(String fhir) {
            this.fhir = fhir;
        }
    }

    /** One order within a test: its text and, when certain, its standard code. */
    record Order(String text, String system, String code, String display) {
        static Order text(String text) {
            return new Order(text, null, null, null);
        }

        static Order loinc(String text, String code, String display) {
            return new Order(text, Terminology.LOINC.uri(), code, display);
        }

        /** A laboratory result's own LOINC code, from the vocabulary. */
        static Order result(Code result) {
            if (result.system() != Terminology.LOINC) {
                throw new IllegalStateException(result + " has no LOINC code in the vocabulary");
            }
            return new Order(result.label(), result.system().uri(), result.systemCode(), result.label());
        }
    }

    /**
     * A recommended step that can be ordered.
     *
     * @param orders   the orders it consists of (one ServiceRequest each, accepted together)
     * @param priority how soon
     * @param measures the vocabulary findings its result records: a hypothesis these would decide shows the order
     * @param answers  the red-flag checks it answers: a red flag of these shows the order
     */
    record Orderable(List<Order> orders, Priority priority, Set<Code> measures, Set<RedFlagCheck> answers) {
    }

    private static final Map<Step, Orderable> ORDERABLE = new EnumMap<>(Step.class);
    private static final Set<Step> TIME_CRITICAL = EnumSet.of(
            Step.EMERGENCY_MRI_LUMBOSACRAL_SPINE, Step.URGENT_MRI_WHOLE_SPINE, Step.INFECTION_WORKUP,
            Step.DVT_ASSESSMENT, Step.EMERGENCY_SPINAL_SURGICAL_REVIEW, Step.EMERGENCY_VASCULAR_SURGERY,
            Step.EMERGENCY_HOSPITAL_ASSESSMENT, Step.URGENT_MEDICAL_EVALUATION, Step.IMMEDIATE_EMERGENCY_TRANSFER,
            Step.URGENT_VASCULAR_REFERRAL, Step.URGENT_SPINAL_REFERRAL);

    static {
        // vascular
        put(Step.ANKLE_BRACHIAL_INDEX, Priority.ROUTINE, Set.of(Code.ANKLE_BRACHIAL_INDEX),
                Set.of(RedFlagCheck.CHRONIC_LIMB_THREATENING_ISCHAEMIA),
                Order.text("Ankle-brachial index (ABI), both legs"));
        put(Step.EXERCISE_ANKLE_BRACHIAL_INDEX, Priority.ROUTINE, Set.of(Code.EXERCISE_ANKLE_BRACHIAL_INDEX), Set.of(),
                Order.text("Exercise (treadmill) ankle-brachial index, both legs"));
        put(Step.TOE_BRACHIAL_INDEX, Priority.ROUTINE, Set.of(Code.TOE_BRACHIAL_INDEX),
                Set.of(RedFlagCheck.CHRONIC_LIMB_THREATENING_ISCHAEMIA),
                Order.text("Toe-brachial index (toe pressures), both legs"));
        // spine imaging (LOINC radiology codes of the study)
        put(Step.EMERGENCY_MRI_LUMBOSACRAL_SPINE, Priority.STAT, Set.of(), Set.of(RedFlagCheck.CAUDA_EQUINA_SYNDROME),
                Order.loinc("Emergency MRI of the lumbosacral spine (same day)", "24968-0", "MR Lumbar spine"));
        put(Step.MRI_LUMBAR_SPINE, Priority.ROUTINE,
                Set.of(Code.IMAGING_LUMBAR_STENOSIS, Code.IMAGING_NERVE_ROOT_COMPRESSION),
                Set.of(RedFlagCheck.PROGRESSIVE_NEUROLOGICAL_DEFICIT),
                Order.loinc("MRI of the lumbar spine", "24968-0", "MR Lumbar spine"));
        put(Step.MRI_CERVICAL_SPINE, Priority.ROUTINE, Set.of(), Set.of(RedFlagCheck.CERVICAL_MYELOPATHY),
                Order.loinc("MRI of the cervical spine", "24935-9", "MR Cervical spine"));
        put(Step.URGENT_MRI_WHOLE_SPINE, Priority.URGENT, Set.of(), Set.of(RedFlagCheck.MALIGNANCY),
                Order.loinc("MRI of the whole spine within 24 hours", "36067-7", "MR Spine"));
        // laboratory (the vocabulary's LOINC codes of the results)
        put(Step.GLUCOSE_AND_HBA1C, Priority.ROUTINE, Set.of(Code.GLUCOSE, Code.HBA1C), Set.of(),
                Order.result(Code.GLUCOSE), Order.result(Code.HBA1C));
        put(Step.VITAMIN_B12_LEVEL, Priority.ROUTINE, Set.of(Code.VITAMIN_B12), Set.of(),
                Order.result(Code.VITAMIN_B12));
        put(Step.THYROID_FUNCTION, Priority.ROUTINE, Set.of(Code.TSH), Set.of(), Order.result(Code.TSH));
        put(Step.KIDNEY_FUNCTION, Priority.ROUTINE, Set.of(Code.CREATININE, Code.EGFR), Set.of(),
                Order.result(Code.CREATININE), Order.result(Code.EGFR));
        put(Step.THIAMINE_AND_COPPER_LEVELS, Priority.ROUTINE, Set.of(), Set.of(),
                Order.text("Thiamine (vitamin B1) level"), Order.text("Serum copper level"));
        put(Step.MYELOMA_SCREEN, Priority.ROUTINE, Set.of(), Set.of(),
                Order.text("Full blood count, serum calcium and ESR (myeloma screen)"));
        put(Step.INFECTION_WORKUP, Priority.URGENT, Set.of(), Set.of(RedFlagCheck.SERIOUS_INFECTION),
                Order.text("Blood count, inflammatory markers and blood cultures"));
        // DVT_ASSESSMENT is a pathway (Wells score, then ultrasound or D-dimer), not one order: no suggestion.
    }

    private OrderableTests() {
    }

    private static void put(Step step, Priority priority, Set<Code> measures, Set<RedFlagCheck> answers,
                            Order... orders) {
        ORDERABLE.put(step, new Orderable(List.of(orders), priority, measures, answers));
    }

    /** The orders a step consists of, if it is an orderable test. */
    static Optional<Orderable> of(Step step) {
        return Optional.ofNullable(ORDERABLE.get(step));
    }

    /** Whether a step must happen the same day or within days: shown as a warning, never as routine information. */
    static boolean timeCritical(Step step) {
        return TIME_CRITICAL.contains(step);
    }

    /** Every orderable step (for tests). */
    static Set<Step> orderableSteps() {
        return EnumSet.copyOf(ORDERABLE.keySet());
    }
}
