package host;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;

/**
 * A host of the packaged rules, on the class path Maven gives it: no DRL compiler and no HAPI are there, a case is
 * assessed, and the optional parts, when used, fail with an error naming the dependency to add. Any failure exits
 * non-zero, which fails the host build. Arguments: a case file, a rules directory.
 */
public final class PackagedHost {

    /** A class of each artifact that a host of the packaged rules must not inherit. */
    private static final List<String> ABSENT = List.of(
            "org.drools.model.codegen.ExecutableModelProject",      // drools-model-codegen
            "org.drools.compiler.kie.builder.impl.KieServicesImpl", // drools-compiler
            "org.drools.drl.parser.DrlParser",                      // drools-drl-parser
            "org.eclipse.jdt.internal.compiler.Compiler",           // ecj
            "com.github.javaparser.JavaParser",                     // javaparser-core
            "org.drools.mvel.parser.MvelParser",                    // drools-mvel-parser
            "ca.uhn.fhir.context.FhirContext",                      // HAPI FHIR (optional)
            "picocli.CommandLine",                                  // the CLI's own dependencies
            "org.legcds.cli.Main");                                 // the CLI is not in the library jar

    public static void main(String[] args) throws Exception {
        for (String name : ABSENT) {
            try {
                Class.forName(name, false, PackagedHost.class.getClassLoader());
                throw new AssertionError(name + " is on the class path of a host of the packaged rules");
            } catch (ClassNotFoundException expected) {
                // as it should be
            }
        }

        LegCds engine = LegCds.packaged();
        String json = AssessmentJson.write(engine.assess(CaseJson.read(Files.readString(Path.of(args[0])))));
        String level = new ObjectMapper().readTree(json).path("urgency").path("level").asText();
        check("EMERGENCY".equals(level), "the cauda equina case is assessed EMERGENCY, not " + level);

        IllegalStateException noCompiler = expectFailure(() -> LegCds.fromDirectory(Path.of(args[1])));
        check(noCompiler.getMessage().contains("org.drools:drools-model-codegen"),
                "fromDirectory without the compiler names the dependency to add: " + noCompiler.getMessage());
        IllegalStateException noHapi = expectFailure(FhirCaseReader::standard);
        check(noHapi.getMessage().contains("ca.uhn.hapi.fhir:hapi-fhir-structures-r4"),
                "FhirCaseReader.standard() without HAPI names the dependency to add: " + noHapi.getMessage());

        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        long jars = 0;
        long bytes = 0;
        for (String entry : classPath) {
            if (entry.endsWith(".jar")) {
                jars++;
                bytes += new File(entry).length();
            }
        }
        System.out.printf("packaged host: %s, %d jars (%.1f MB), no DRL compiler, no HAPI; %s%n", level, jars,
                bytes / 1e6, noCompiler.getMessage());
    }

    private static IllegalStateException expectFailure(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException expected) {
            return expected;
        }
        throw new AssertionError("expected an IllegalStateException naming a missing dependency");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
