package org.legcds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.fhir.FhirReading;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;
import org.legcds.report.AssessmentPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a case file and print the explained assessment.")
final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<case.json>",
            description = "The case file (see README: Case file), or with --fhir a FHIR R4 Bundle or resource.")
    Path caseFile;

    @Option(names = "--fhir",
            description = "The file is FHIR R4 JSON (see README: Embedding with FHIR); needs --evaluation-date.")
    boolean fhir;

    @Option(names = {"--evaluation-date", "--date"}, paramLabel = "<YYYY-MM-DD>",
            description = "The evaluation date, for --fhir input (as in batch).")
    java.time.LocalDate date;

    @Option(names = "--json", description = "Print the assessment as JSON (schema/assessment.schema.json).")
    boolean json;

    @Option(names = "--html", description = "Print the assessment as one self-contained HTML page with its explanation "
            + "graph (no network, no script needed), e.g. > report.html.")
    boolean html;

    @Option(names = "--rules", paramLabel = "<rules-dir>",
            description = "Compile and use the rules in this directory instead of the packaged ones.")
    Path rulesDir;

    @Override
    public Integer call() {
        if (fhir != (date != null)) {
            throw new ParameterException(spec.commandLine(), fhir ? "--fhir needs --evaluation-date <YYYY-MM-DD>: FHIR records"
                    + " carry no evaluation date" : "--evaluation-date is only for --fhir input: a case file carries its own");
        }
        if (json && html) {
            throw new ParameterException(spec.commandLine(), "--json and --html are exclusive: choose one output");
        }
        LegCds engine = Engines.load(rulesDir); // first: a case is read against its knowledge base's vocabulary
        Case patientCase;
        try (InputStream in = Files.newInputStream(caseFile)) {
            if (fhir) {
                String text = StandardCharsets.UTF_8.newDecoder() // strict: malformed UTF-8 is bad input
                        .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
                FhirReading reading = FhirCaseReader.standard().readJson(text, date);
                reading.issues().forEach(issue -> Failure.report(spec.commandLine().getErr(), caseFile
                        + ": not read: " + issue));
                patientCase = reading.patientCase();
            } else {
                patientCase = CaseJson.read(in, engine.vocabulary()); // strict UTF-8 and the size limit, as problems
            }
        } catch (NoSuchFileException e) {
            return fail("cannot read " + caseFile + ": no such file", e);
        } catch (IOException e) {
            return fail("cannot read " + caseFile + ": " + Failure.reason(e), e);
        } catch (InvalidCaseException e) {
            return fail(caseFile + ": " + e.getMessage(), e);
        }
        Assessment assessment = engine.assess(patientCase);
        spec.commandLine().getOut().print(json
                ? AssessmentJson.write(assessment) + System.lineSeparator()
                : html ? AssessmentPage.render(patientCase, assessment) : Report.of(patientCase, assessment));
        return Main.OK;
    }

    private int fail(String message, Exception cause) {
        Failure.report(spec.commandLine().getErr(), message);
        Main.debugTrace(spec, cause);
        return Main.BAD_INPUT;
    }
}
