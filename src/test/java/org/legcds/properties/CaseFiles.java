package org.legcds.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;

/** Writes a case as a case file (the format {@link org.legcds.json.CaseJson} reads), for the fuzzers to break. */
final class CaseFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private CaseFiles() {
    }

    static ObjectNode tree(Case patientCase) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode patient = root.putObject("patient");
        patient.put("id", patientCase.patient().id());
        if (patientCase.patient().age() != null) {
            patient.put("age", patientCase.patient().age());
        }
        patient.put("sex", lower(patientCase.patient().sex()));
        patient.put("pregnancy", lower(patientCase.patient().pregnancy()));
        root.put("evaluationDate", patientCase.evaluationDate().toString());
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : patientCase.findings()) {
            ObjectNode node = findings.addObject();
            node.put("code", finding.code());
            node.put("status", lower(finding.status()));
            if (finding.laterality() != null) {
                node.put("laterality", lower(finding.laterality()));
            }
            if (finding.onset() != null) {
                node.put("onset", lower(finding.onset()));
            }
            if (finding.value() != null) {
                node.put("value", finding.value());
                node.put("unit", finding.unit());
            }
            if (!finding.triggers().isEmpty()) {
                ArrayNode triggers = node.putArray("triggers");
                finding.triggers().forEach(t -> triggers.add(t.toLowerCase(Locale.ROOT)));
            }
            if (!finding.reliefs().isEmpty()) {
                ArrayNode reliefs = node.putArray("reliefs");
                finding.reliefs().forEach(r -> reliefs.add(r.toLowerCase(Locale.ROOT)));
            }
        }
        return root;
    }

    static String json(Case patientCase) {
        return tree(patientCase).toString();
    }

    /** The bytes with {@code noise} written over them from {@code position} (taken modulo the length), in place. */
    static byte[] overwrite(byte[] bytes, int position, List<Byte> noise) {
        int at = Math.floorMod(position, bytes.length);
        for (int i = 0; i < noise.size() && at + i < bytes.length; i++) {
            bytes[at + i] = noise.get(i);
        }
        return bytes;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
