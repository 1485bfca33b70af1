package org.legcds.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.assessment.RuleRef;
import org.legcds.scenario.EvidenceRegister.Claim;

@DisplayName("Evidence register: rules cite claims that exist, and every claim is cited or out of scope")
class EvidenceRegisterTest {

    /** The project's rules (packaged, compiled from rules/) against the project's register (seeds/). */
    @Nested
    @DisplayName("the knowledge base against seeds/")
    class RealData {

        private final EvidenceRegister register = EvidenceRegister.read(Path.of("seeds"));
        private final EvidenceRegister.Check check = register.check(Suite.ENGINE.rules());

        @Test
        void everySourceOfEveryRuleIsAClaimOfTheRegister() {
            assertTrue(check.unknownCitations().isEmpty(), () -> check.unknownCitations().size()
                    + " @source citation(s) name no claim of seeds/*.yaml (rule -> claim): "
                    + String.join(", ", check.unknownCitations()));
        }

        @Test
        void everyClaimIsCitedByARuleOrListedOutOfScope() {
            assertTrue(check.uncited().isEmpty(), () -> check.uncited().size() + " of " + register.claims().size()
                    + " claims are cited by no rule's @source and not listed in seeds/" + EvidenceRegister.OUT_OF_SCOPE
                    + ": " + String.join(", ", check.uncited()));
        }

        @Test
        void theOutOfScopeListNamesExistingUncitedClaimsEachWithAReason() {
            List<String> problems = new java.util.ArrayList<>();
            if (!check.outOfScopeButCited().isEmpty()) {
                problems.add("listed out of scope but cited: " + String.join(", ", check.outOfScopeButCited()));
            }
            if (!check.outOfScopeUnknown().isEmpty()) {
                problems.add("not claims of the register: " + String.join(", ", check.outOfScopeUnknown()));
            }
            if (!check.outOfScopeWithoutReason().isEmpty()) {
                problems.add("without a reason: " + String.join(", ", check.outOfScopeWithoutReason()));
            }
            assertTrue(problems.isEmpty(), () -> "seeds/" + EvidenceRegister.OUT_OF_SCOPE + ": "
                    + String.join("; ", problems));
        }
    }

    /** The checking logic on small, made-up registers and rule sets. */
    @Nested
    @DisplayName("the check, on synthetic registers")
    class Synthetic {

        private final List<Claim> claims = List.of(claim("S1-C01"), claim("S1-C02"), claim("S1-C03"),
                claim("EXT-C01"));

        @Test
        void aRegisterFullyCitedOrOutOfScopePasses() {
            EvidenceRegister register = EvidenceRegister.of(claims, Map.of("S1-C03", "marketing, not clinical"));
            List<RuleRef> rules = List.of(rule("R-1", "S1-C01", "EXT-C01"), rule("R-2", "S1-C02", "S1-C01"));

            EvidenceRegister.Check check = register.check(rules);

            assertTrue(check.ok(), check.problems().toString());
            assertTrue(check.problems().isEmpty());
        }

        @Test
        void aCitationOfAnUnknownClaimIsReportedWithRuleAndClaim() {
            EvidenceRegister register = EvidenceRegister.of(claims, Map.of("S1-C03", "r", "S1-C02", "r"));

            EvidenceRegister.Check check = register.check(List.of(rule("R-1", "S1-C01", "S1-C99", "EXT-C01"),
                    rule("R-2", "S1-C1")));

            assertEquals(List.of("R-1 -> S1-C99", "R-2 -> S1-C1"), check.unknownCitations());
            assertFalse(check.ok());
            assertTrue(check.problems().get(0).startsWith("2 citation(s) of claims not in the evidence register"));
        }

        @Test
        void claimsNeitherCitedNorOutOfScopeAreListedWithTheirCount() {
            EvidenceRegister register = EvidenceRegister.of(claims, Map.of("S1-C03", "r"));

            EvidenceRegister.Check check = register.check(List.of(rule("R-1", "S1-C01")));

            assertEquals(List.of("EXT-C01", "S1-C02"), check.uncited());
            assertEquals(List.of("2 claim(s) neither cited by a rule's @source nor listed in out-of-scope.yaml: "
                    + "EXT-C01, S1-C02"), check.problems());
        }

        @Test
        void aClaimBothOutOfScopeAndCitedIsAnError() {
            EvidenceRegister register = EvidenceRegister.of(claims, Map.of("S1-C01", "r", "S1-C02", "r", "S1-C03", "r"));

            EvidenceRegister.Check check = register.check(List.of(rule("R-2", "S1-C01", "EXT-C01"),
                    rule("R-1", "S1-C01"), rule("R-3", "S1-C02")));

            assertEquals(List.of("S1-C01 (cited by R-1, R-2)", "S1-C02 (cited by R-3)"), check.outOfScopeButCited());
            assertTrue(check.uncited().isEmpty());
            assertFalse(check.ok());
        }

        @Test
        void outOfScopeIdsMustExistAndHaveAReason() {
            EvidenceRegister register = EvidenceRegister.of(claims,
                    Map.of("S1-C02", " ", "S1-C03", "r", "S9-C01", "r"));

            EvidenceRegister.Check check = register.check(List.of(rule("R-1", "S1-C01", "EXT-C01")));

            assertEquals(List.of("S9-C01"), check.outOfScopeUnknown());
            assertEquals(List.of("S1-C02"), check.outOfScopeWithoutReason());
            assertTrue(check.uncited().isEmpty(), "a reasonless entry still counts as listed: " + check.uncited());
            assertEquals(2, check.problems().size(), check.problems().toString());
        }

        @Test
        void noRulesAtAllLeaveEveryClaimUncited() {
            EvidenceRegister.Check check = EvidenceRegister.of(claims, Map.of()).check(List.of());

            assertEquals(List.of("EXT-C01", "S1-C01", "S1-C02", "S1-C03"), check.uncited());
        }

        @Test
        void aRegisterDirectoryIsReadFromItsYamlFiles(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("S1.yaml"), """
                    source: {id: S1, title: t}
                    claims:
                      - {id: S1-C01, kind: cause, claim: "Claim one."}
                      - {id: S1-C02, kind: pattern, claim: "Claim two.", citation: extra keys are fine}
                    """);
            Files.writeString(dir.resolve("EXTERNAL.yaml"), "claims:\n  - {id: EXT-C01, kind: test, claim: Ext.}\n");
            Files.writeString(dir.resolve("out-of-scope.yaml"), "outOfScope:\n  - {id: S1-C02, reason: not leg pain}\n");
            Files.writeString(dir.resolve("README.md"), "# not a register file\n");

            EvidenceRegister register = EvidenceRegister.read(dir);

            assertEquals(List.of("EXT-C01", "S1-C01", "S1-C02"), List.copyOf(register.claims().keySet()));
            assertEquals(new Claim("S1-C01", "cause", "Claim one.", "S1.yaml"), register.claim("S1-C01").orElseThrow());
            assertEquals(Map.of("S1-C02", "not leg pain"), register.outOfScope());
            assertTrue(register.check(List.of(rule("R-1", "S1-C01", "EXT-C01"))).ok());
        }

        @Test
        void aClaimIdInTwoFilesIsAnErrorNamingBoth(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("A.yaml"), "claims:\n  - {id: X-C01, claim: a}\n");
            Files.writeString(dir.resolve("B.yaml"), "claims:\n  - {id: X-C01, claim: b}\n");

            var e = assertThrows(IllegalArgumentException.class, () -> EvidenceRegister.read(dir));

            assertTrue(e.getMessage().contains("X-C01") && e.getMessage().contains("A.yaml")
                    && e.getMessage().contains("B.yaml"), e.getMessage());
        }

        private static Claim claim(String id) {
            return new Claim(id, "cause", "text of " + id, id.substring(0, id.indexOf('-')) + ".yaml");
        }

        private static RuleRef rule(String id, String... sources) {
            return new RuleRef(id, "rule " + id, List.of(sources));
        }
    }
}
