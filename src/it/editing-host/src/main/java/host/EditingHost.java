package host;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.legcds.LegCds;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;

/**
 * A host that compiles a rules directory at run time, with legcds and drools-model-codegen as its only dependencies:
 * it loads the directory and assesses a case on it. Any failure exits non-zero, which fails the host build.
 * Arguments: a case file, a rules directory.
 */
public final class EditingHost {

    public static void main(String[] args) throws Exception {
        LegCds engine = LegCds.fromDirectory(Path.of(args[1]));
        String json = AssessmentJson.write(engine.assess(CaseJson.read(Files.readString(Path.of(args[0])))));
        String level = new ObjectMapper().readTree(json).path("urgency").path("level").asText();
        if (!"EMERGENCY".equals(level)) {
            throw new AssertionError("the cauda equina case is assessed EMERGENCY, not " + level);
        }
        System.out.printf("editing host: %s on %d rules compiled from %s%n", level, engine.rules().size(), args[1]);
    }
}
