package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.RedFlag;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.vocabulary.Urgency;

/**
 * The embedding example shown in the README. The code between the markers must stay identical to the README's snippet;
 * only imports and assertions are added here.
 */
class EmbeddingExampleTest {

    @Test
    void readmeEmbeddingExampleFlagsCaudaEquinaAsAnEmergencyAndClassifiesVascularClaudication() {
        // --- README snippet, verbatim ---
        LegCds engine = LegCds.packaged();                       // thread-safe: build once, share
        Patient patient = new Patient("p-001", 67, Sex.MALE, Status.ABSENT);
        Assessment assessment = engine.assess(patient, LocalDate.of(2026, 11, 21), List.of(
                Finding.present("LEG_PAIN").on(Laterality.BILATERAL)
                        .broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
                Finding.present("SADDLE_ANAESTHESIA")));
        System.out.println(assessment.triage().level());        // EMERGENCY
        assessment.redFlags().forEach(flag -> System.out.println(flag.label() + ": " + flag.action()));
        // --- end of README snippet ---

        assertEquals(Urgency.EMERGENCY, assessment.triage().level());
        RedFlag caudaEquina = assessment.redFlag("CAUDA_EQUINA_SYNDROME")
                .orElseThrow(() -> new AssertionError("no cauda equina red flag in " + assessment.redFlags()));
        assertTrue(caudaEquina.action().toUpperCase(Locale.ROOT).contains("MRI"), caudaEquina::action);
        assertEquals(ClaudicationType.VASCULAR, assessment.claudication().type(), () -> assessment.claudication().toString());
    }
}
