package org.legcds.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.legcds.problems.RuleCompilationException;
import org.legcds.vocabulary.Vocabulary;
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
    private static final String GENERATED_SOURCE = "Java source of ";
    private static final java.util.regex.Pattern UNKNOWN_NAME = java.util.regex.Pattern.compile(
            "(?:Unknown field|Unable to find class:?)\\s+([A-Za-z_$][\\w.$]*)");
    private static final java.util.regex.Pattern UNRESOLVED = java.util.regex.Pattern.compile(
            "([A-Za-z_$][\\w$]*) cannot be resolved");
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern GENERATED_TYPE = java.util.regex.Pattern.compile(
            "for the type LambdaConsequence[0-9A-F]+");
    private static final String KNOWLEDGE_HELPER =
            "((org.drools.modelcompiler.consequence.DroolsImpl) drools).asKnowledgeHelper().";
    private static final java.util.regex.Pattern TRAILING_SNIPPET = java.util.regex.Pattern.compile(":\\s*(.+)$");

    private RuleCompiler() {
    }

    /** A compiled knowledge base and the module it came from (whose generated classes the precompiler writes out). */
    record Compiled(KieBase kieBase, InternalKieModule module, Vocabulary vocabulary) {
    }

    static Compiled compile(RuleSet rules) {
        KieServices services = KieServices.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("org.legcds.generated",
                "rules-" + rules.contentHash().substring(7, 19) + "-" + BUILDS.incrementAndGet(), "1.0.0");
        files.generateAndWritePomXML(releaseId);
        // Drools wants a file's folder to match its package; the layer folders (patterns/, red-flags/, ...) are for
        // people, so hand Drools flat names and map errors back to the real path
        Vocabulary vocabulary = Vocabulary.parse(rules.vocabulary());
        DrlVocabulary.expand(rules.drl(), vocabulary).forEach((path, text) -> files.write(RESOURCE_ROOT + flat(path),
                text));

        KieBuilder builder;
        try {
            builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException crash) {
            // some DRL mistakes make the compiler throw instead of reporting; find the file that does it
            services.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(List.of(culprit(rules, crash)));
        }
        List<Message> messages = builder.getResults().getMessages();
        Map<String, String> generatedSources = generatedSources(messages);
        List<RuleCompilationException.Error> errors = new ArrayList<>();
        for (Message message : messages) {
            if (message.getLevel() != Message.Level.ERROR) {
                LOG.debug("Rule compiler {}: {}", message.getLevel(), message.getText());
            } else if (!message.getText().startsWith(GENERATED_SOURCE)) {
                errors.add(error(message, rules.drl(), generatedSources));
            }
        }
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(dropNoise(errors));
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        // built from the generated models, as the packaged rules are, so the code index is added here too
        ClassLoader loader = services.newKieContainer(releaseId).getClassLoader();
        List<Model> models = new ArrayList<>();
        for (String name : modelClassNames(module)) {
            try {
                models.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the generated rule model " + name + ": " + e, e);
            }
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models);
        // the global repository would otherwise keep every compiled copy alive
        services.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, module, vocabulary);
    }

    /** The generated executable-model classes a compiled module lists (one per rule package). */
    static List<String> modelClassNames(InternalKieModule module) {
        List<String> names = new ArrayList<>();
        for (String file : module.getFileNames()) {
            if (file.endsWith("/drools-model")) {
                new String(module.getBytes(file), StandardCharsets.UTF_8).lines().map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("Drools-Model-Version"))
                        .forEach(names::add);
            }
        }
        return names;
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

    /**
     * The executable-model compiler turns each rule into Java; an error in a rule's consequence is reported against
     * that generated Java, followed by a message holding its source. Keep those sources to map errors back to DRL.
     */
    private static Map<String, String> generatedSources(List<Message> messages) {
        Map<String, String> sources = new java.util.HashMap<>();
        for (Message message : messages) {
            String text = message.getText();
            if (text.startsWith(GENERATED_SOURCE) && text.contains(" in error:")) {
                String path = text.substring(GENERATED_SOURCE.length(), text.indexOf(" in error:")).trim();
                sources.put(path, text.substring(text.indexOf(" in error:") + " in error:".length()));
            }
        }
        return sources;
    }

    private static RuleCompilationException.Error error(Message message, Map<String, String> drl,
                                                        Map<String, String> generatedSources) {
        String path = message.getPath() == null ? "" : message.getPath();
        if (path.endsWith(".java")) {
            return errorInConsequence(message, drl, generatedSources.get(path));
        }
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

    /**
     * An error in generated Java: find the rule whose consequence it is and the failing statement in its DRL file, and
     * name both (a message about a generated {@code LambdaConsequence} class means nothing to a rule author).
     */
    private static RuleCompilationException.Error errorInConsequence(Message message, Map<String, String> drl,
                                                                     String generated) {
        String text = GENERATED_TYPE.matcher(message.getText().replaceAll("\\s+", " ").trim())
                .replaceAll("").trim();
        List<String> body = List.of();
        String statement = null;
        if (generated != null) {
            // the source follows "in error:" on a line of its own: drop that first line break so lines count from 1
            String[] lines = generated.replaceFirst("^\\r?\\n", "").split("\r?\n", -1);
            body = consequenceBody(lines);
            if (message.getLine() > 0 && message.getLine() <= lines.length) {
                statement = asWritten(lines[message.getLine() - 1]).trim();
            }
        }
        // best: the one rule whose whole consequence is this generated body
        String wanted = normalised(String.join("\n", body));
        if (!wanted.isEmpty()) {
            for (Map.Entry<String, String> file : drl.entrySet()) {
                for (DrlRule rule : DrlRule.all(file.getValue())) {
                    if (normalised(rule.consequence()).equals(wanted)) {
                        int line = statement == null || statement.isEmpty() ? 0 : find(rule.consequence(), statement);
                        int at = line > 0 ? rule.consequenceLine() + line - 1 : rule.line();
                        return new RuleCompilationException.Error(file.getKey(), at, "in the consequence (then part) of rule \""
                                + rule.name() + "\": " + text);
                    }
                }
            }
        }
        for (Map.Entry<String, String> file : drl.entrySet()) {
            int line = statement == null || statement.isEmpty() ? 0 : find(file.getValue(), statement);
            if (line > 0) {
                return new RuleCompilationException.Error(file.getKey(), line, inRule(file.getValue(), line) + text);
            }
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        if (unresolved.find()) {
            for (Map.Entry<String, String> file : drl.entrySet()) {
                int line = findWord(file.getValue(), unresolved.group(1));
                if (line > 0) {
                    return new RuleCompilationException.Error(file.getKey(), line, inRule(file.getValue(), line) + text);
                }
            }
        }
        return new RuleCompilationException.Error("(a rule's consequence)", 0, text
                + (statement == null ? "" : " (statement: " + statement + ")"));
    }

    /** "in the consequence (then part) of rule "name": " for the rule declared before a line, or a generic prefix. */
    private static String inRule(String source, int line) {
        return DrlRule.all(source).stream().filter(r -> r.line() <= line).reduce((a, b) -> b)
                .map(r -> "in the consequence (then part) of rule \"" + r.name() + "\": ")
                .orElse("in a rule's consequence: ");
    }

    /** The statements of a generated consequence's {@code execute} method, as the rule author wrote them. */
    private static List<String> consequenceBody(String[] lines) {
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" execute(")) {
                start = i + 1;
                break;
            }
        }
        int end = lines.length - 1;
        while (end > start && !lines[end].trim().equals("}")) {
            end--; // the class's closing brace
        }
        end--;
        while (end > start && !lines[end].trim().equals("}")) {
            end--; // the method's closing brace
        }
        if (start < 0 || end <= start) {
            return List.of();
        }
        List<String> body = new ArrayList<>();
        for (int i = start; i < end; i++) {
            body.add(asWritten(lines[i]));
        }
        return body;
    }

    /** Generated Java with the executable model's rewriting of {@code insertLogical(...)} and friends undone. */
    private static String asWritten(String generatedLine) {
        return generatedLine.replace(KNOWLEDGE_HELPER, "");
    }

    /** Code without white space, comments or {@code drools.}, for comparing a DRL consequence with generated Java. */
    private static String normalised(String code) {
        return withoutComments(code).replace("drools.", "").replaceAll("\\s+", "");
    }

    /**
     * A rule of a DRL file, read from its text: its name, its {@code @id} (empty if none), the line it is declared on,
     * and its consequence (comments blanked) with the line that starts on.
     */
    record DrlRule(String name, String id, int line, String consequence, int consequenceLine) {

        private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile(
                "(?m)^\\s*rule\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\S+)");
        private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("@id\\s*\\(\\s*([^)\\s]*)\\s*\\)");
        private static final java.util.regex.Pattern THEN = java.util.regex.Pattern.compile("(?m)^\\s*then\\b");
        private static final java.util.regex.Pattern END = java.util.regex.Pattern.compile("(?m)^\\s*end\\s*$");

        /** Every complete rule of a DRL text (a rule cut off before its {@code end} is not one). */
        static List<DrlRule> all(String source) {
            String code = withoutComments(source);
            List<DrlRule> rules = new ArrayList<>();
            Matcher rule = RULE.matcher(code);
            while (rule.find()) {
                String name = rule.group(1);
                if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
                    name = name.substring(1, name.length() - 1);
                }
                Matcher then = THEN.matcher(code);
                Matcher end = END.matcher(code);
                if (!then.find(rule.end()) || !end.find(then.end())) {
                    continue;
                }
                Matcher id = ID.matcher(code.substring(rule.end(), then.start()));
                int bodyStart = code.indexOf('\n', then.end()) + 1;
                int bodyEnd = Math.max(bodyStart, end.start());
                rules.add(new DrlRule(name, id.find() ? id.group(1) : "", lineOf(source, rule.start(1)),
                        code.substring(bodyStart, bodyEnd), lineOf(source, bodyStart)));
            }
            return rules;
        }
    }

    /** The line of a compiler message's expression or name in a DRL source, or 0. */
    private static int locate(String source, String message) {
        Matcher field = UNKNOWN_NAME.matcher(message);
        if (field.find()) {
            return findWord(source, field.group(1));
        }
        Matcher matcher = TRAILING_SNIPPET.matcher(message);
        return matcher.find() ? find(source, matcher.group(1).trim()) : 0;
    }

    /** The line where a snippet starts, ignoring comments and differences in white space; 0 if absent. */
    private static int find(String source, String snippet) {
        String[] tokens = snippet.trim().split("\\s+");
        if (snippet.isBlank()) {
            return 0;
        }
        StringBuilder pattern = new StringBuilder();
        for (String token : tokens) {
            pattern.append(pattern.length() == 0 ? "" : "\\s*").append(java.util.regex.Pattern.quote(token));
        }
        Matcher matcher = java.util.regex.Pattern.compile(pattern.toString()).matcher(withoutComments(source));
        return matcher.find() ? lineOf(source, matcher.start()) : 0;
    }

    private static int findWord(String source, String word) {
        Matcher matcher = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b")
                .matcher(withoutComments(source));
        return matcher.find() ? lineOf(source, matcher.start()) : 0;
    }

    /** Blanks out // and /* *\/ comments, keeping every character's position (and so its line). */
    private static String withoutComments(String source) {
        StringBuilder text = new StringBuilder(source);
        Matcher comments = COMMENT.matcher(source);
        while (comments.find()) {
            for (int i = comments.start(); i < comments.end(); i++) {
                if (text.charAt(i) != '\n') {
                    text.setCharAt(i, ' ');
                }
            }
        }
        return text.toString();
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The parser adds "Parser returned a null Package" after every real syntax error; it says nothing new. */
    private static List<RuleCompilationException.Error> dropNoise(List<RuleCompilationException.Error> errors) {
        List<RuleCompilationException.Error> useful = errors.stream()
                .filter(e -> !e.message().startsWith("Parser returned a null Package"))
                .toList();
        return useful.isEmpty() ? errors : useful;
    }
}
