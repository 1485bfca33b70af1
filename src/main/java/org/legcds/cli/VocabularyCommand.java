package org.legcds.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.legcds.facts.Code;
import org.legcds.json.AssessmentJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "vocabulary", mixinStandardHelpOptions = true,
        description = "Print the finding codes a case may use, with labels and standard codes.")
final class VocabularyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> items = Arrays.stream(Code.values()).map(VocabularyCommand::entry).toList();
            out.println(AssessmentJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(items));
            return Main.OK;
        }
        out.printf("%-32s %-12s %-28s %s%n", "CODE", "KIND", "STANDARD CODE", "LABEL");
        for (Code code : Code.values()) {
            String standard = code.systemCode() == null ? "-" : code.system() + " " + code.systemCode();
            String units = code.isMeasurement() ? " [" + String.join(", ", code.units()) + "; " + code.min() + "-"
                    + code.max() + "]" : "";
            out.printf("%-32s %-12s %-28s %s%s%n", code.name(), code.kind(), standard, code.label(), units);
        }
        out.printf("%n%d codes. Status is present, absent or unknown; anything not listed in a case is unknown.%n",
                Code.values().length);
        return Main.OK;
    }

    private static Map<String, Object> entry(Code code) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", code.name());
        item.put("kind", code.kind().name());
        item.put("label", code.label());
        if (code.systemCode() != null) {
            item.put("system", code.system().uri());
            item.put("systemCode", code.systemCode());
        }
        if (code.isMeasurement()) {
            item.put("units", code.units());
            item.put("min", code.min());
            item.put("max", code.max());
        }
        return item;
    }
}
