package org.legcds;

import java.time.LocalDate;
import java.util.List;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Case;
import org.legcds.facts.Code;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;

/** Test fixture: one shared engine (it is thread-safe) and helpers that make tests read as clinical scenarios. */
final class Clinic {

    static final LegCds ENGINE = LegCds.packaged();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final Patient PATIENT = new Patient("test-patient", 66, Sex.FEMALE, Status.ABSENT);

    private Clinic() {
    }

    static Assessment assess(Finding... findings) {
        return ENGINE.assess(new Case(PATIENT, TODAY, List.of(findings)));
    }

    static Finding present(Code code) {
        return Finding.present(code);
    }

    static Finding absent(Code code) {
        return Finding.absent(code);
    }

    static Finding bilateral(Code code) {
        return Finding.present(code).on(Laterality.BILATERAL);
    }

    static Finding abi(double value, Laterality side) {
        return Finding.measured(Code.ANKLE_BRACHIAL_INDEX, value, "1").on(side);
    }

    /** Every red-flag finding recorded absent: a fully screened patient. */
    static List<Finding> redFlagsScreenedNegative() {
        return List.of(absent(Code.BLADDER_DYSFUNCTION), absent(Code.BOWEL_DYSFUNCTION),
                absent(Code.SADDLE_ANAESTHESIA), absent(Code.URINARY_HESITANCY),
                absent(Code.ALTERED_URINARY_SENSATION), absent(Code.COLD_LIMB), absent(Code.PALE_OR_BLUE_LIMB));
    }

    static Assessment assessScreened(Finding... findings) {
        List<Finding> all = new java.util.ArrayList<>(redFlagsScreenedNegative());
        all.addAll(List.of(findings));
        return ENGINE.assess(new Case(PATIENT, TODAY, all));
    }

    static List<String> firedRules(Assessment assessment) {
        return assessment.trace().stream().map(TraceEntry::rule).distinct().toList();
    }
}
