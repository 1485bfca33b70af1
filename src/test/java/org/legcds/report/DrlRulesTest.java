package org.legcds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.legcds.engine.RuleSet;

/** Rule conditions in words, thresholds as written. */
class DrlRulesTest {

    @Test
    void conditionsAreWordedWithTheirThresholds() {
        List<DrlRules.Rule> rules = DrlRules.parse(Map.of("claudication/x.drl", """
                rule "ABI low" // a comment
                    @id(X-01) @source(S001-C16)
                when
                    Finding(code == Code.ANKLE_BRACHIAL_INDEX, present, value <= 0.90)
                    not Finding(code == Code.CALF_PAIN || code == Code.THIGH_PAIN, present,
                            triggers contains Trigger.WALKING || triggers contains Trigger.EXERTION)
                    not RedFlagRaised(check == RedFlagCheck.ACUTE_LIMB_ISCHAEMIA)
                    $code : Code() from List.of(Code.COLD_LIMB, Code.PALE_OR_BLUE_LIMB)
                then
                    insertLogical(new CheckOpen(RedFlagCheck.ACUTE_LIMB_ISCHAEMIA, $code));
                end
                """));
        assertEquals(1, rules.size());
        DrlRules.Rule rule = rules.get(0);
        assertEquals("X-01", rule.id());
        assertEquals("claudication", rule.layer());
        assertEquals(List.of("ANKLE_BRACHIAL_INDEX present, value \u2264 0.90",
                "no CALF_PAIN or THIGH_PAIN present, brought on by WALKING or EXERTION",
                "no red flag raised check is ACUTE_LIMB_ISCHAEMIA",
                "for each code of COLD_LIMB, PALE_OR_BLUE_LIMB"), rule.conditions());
        assertEquals(List.of("COLD_LIMB", "PALE_OR_BLUE_LIMB"), List.copyOf(rule.screen()));
        assertEquals(List.of("ACUTE_LIMB_ISCHAEMIA"), List.copyOf(rule.opens()));
        assertTrue(rule.mentions().containsAll(List.of("COLD_LIMB", "PALE_OR_BLUE_LIMB")));
    }

    @Test
    void printAll() {
        if (Boolean.getBoolean("printDrl")) {
            DrlRules.parse(RuleSet.read(java.nio.file.Path.of("rules")).drl()).forEach(r -> {
                System.out.println(r.id() + " " + r.name());
                r.conditions().forEach(c -> System.out.println("    " + c));
            });
        }
    }
}
