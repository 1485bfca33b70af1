package org.legcds.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.legcds.RuleCompilationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles DRL into a Drools executable model (the same compiler for the packaged rules at build time and for a rules
 * directory at run time, so both behave alike).
 */
final class RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final String RESOURCE_ROOT = "src/main/resources/org/legcds/rules/";
    private static final String FOLDER_SEPARATOR = "__";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final java.util.regex.Pattern TRAILING_SNIPPET = java.util.regex.Pattern.compile(":\\s*(.+)$");

    private RuleCompiler() {
    }

    /** A compiled knowledge base and the module it came from (whose generated classes the precompiler writes out). */
    record Compiled(KieBase kieBase, InternalKieModule module) {
    }

    static Compiled compile(RuleSet rules) {
        KieServices services = KieServices.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("org.legcds.generated",
                "rules-" + rules.contentHash().substring(7, 19) + "-" + BUILDS.incrementAndGet(), "1.0.0");
        files.generateAndWritePomXML(releaseId);
        // Drools wants a file's folder to match its package; the layer folders (patterns/, red-flags/, ...) are for
        // people, so hand Drools flat names and map errors back to the real path
        rules.drl().forEach((path, text) -> files.write(RESOURCE_ROOT + flat(path), text));

        KieBuilder builder;
        try {
            builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException crash) {
            // some DRL mistakes make the compiler throw instead of reporting; find the file that does it
            services.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(List.of(culprit(rules, crash)));
        }
        List<RuleCompilationException.Error> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.ERROR) {
                errors.add(error(message, rules.drl()));
            } else {
                LOG.debug("Rule compiler {}: {}", message.getLevel(), message.getText());
            }
        }
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(dropNoise(errors));
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
        // the global repository would otherwise keep every compiled copy alive
        services.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, module);
    }

    /** Compiles each file alone to find the one that crashes the compiler, and reports it with the crash message. */
    private static RuleCompilationException.Error culprit(RuleSet rules, RuntimeException crash) {
        String message = crash.getMessage() == null ? crash.toString()
                : crash.getMessage().lines().limit(3).map(String::trim).reduce((a, b) -> a + " " + b).orElse("");
        KieServices services = KieServices.get();
        for (Map.Entry<String, String> file : rules.drl().entrySet()) {
            KieFileSystem single = services.newKieFileSystem();
            ReleaseId id = services.newReleaseId("org.legcds.generated", "probe-" + BUILDS.incrementAndGet(), "1.0.0");
            single.generateAndWritePomXML(id);
            single.write(RESOURCE_ROOT + flat(file.getKey()), file.getValue());
            try {
                services.newKieBuilder(single).buildAll(ExecutableModelProject.class);
            } catch (RuntimeException again) {
                return new RuleCompilationException.Error(file.getKey(), locate(file.getValue(), message),
                        "the rule compiler failed: " + message);
            } finally {
                services.getRepository().removeKieModule(id);
            }
        }
        return new RuleCompilationException.Error("(unknown file)", 0, "the rule compiler failed: " + message);
    }

    private static String flat(String path) {
        return path.replace("/", FOLDER_SEPARATOR);
    }

    private static RuleCompilationException.Error error(Message message, Map<String, String> drl) {
        String path = message.getPath() == null ? "" : message.getPath();
        String file = path.startsWith(RESOURCE_ROOT) ? path.substring(RESOURCE_ROOT.length()) : path;
        if (file.startsWith("org/legcds/rules/")) {
            file = file.substring("org/legcds/rules/".length());
        }
        file = file.replace(FOLDER_SEPARATOR, "/");
        String text = message.getText().replaceAll("\\s+", " ").trim();
        int line = message.getLine();
        if (line <= 0 && drl.containsKey(file)) {
            // the executable-model compiler does not place some errors (e.g. an unknown field); find the expression
            line = locate(drl.get(file), text);
        }
        return new RuleCompilationException.Error(file.isEmpty() ? "(unknown file)" : file, Math.max(line, 0), text);
    }

    private static int locate(String source, String message) {
        Matcher matcher = TRAILING_SNIPPET.matcher(message);
        if (!matcher.find()) {
            return 0;
        }
        String snippet = matcher.group(1).trim();
        String[] lines = source.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!snippet.isEmpty() && lines[i].contains(snippet)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The parser adds "Parser returned a null Package" after every real syntax error; it says nothing new. */
    private static List<RuleCompilationException.Error> dropNoise(List<RuleCompilationException.Error> errors) {
        List<RuleCompilationException.Error> useful = errors.stream()
                .filter(e -> !e.message().startsWith("Parser returned a null Package"))
                .toList();
        return useful.isEmpty() ? errors : useful;
    }
}
