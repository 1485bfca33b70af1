package org.legcds.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an assessment's time and allocation go, from a Java Flight Recorder file: the JDK's own sampling profiler,
 * so no agent to install. Each execution sample is put in the first of these stages found on its stack, from the top:
 * the recorder, justifications and assembler (explanations), session reset, validation, JSON (reading a case, writing
 * an assessment), Drools firing, fact insertion; then
 * prints the shares by stage, the top frames by self time and by inclusive time, and allocation by stage and class.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile -jar target/legcds-cli.jar \
 *     batch --threads 1 -q -o /dev/null cases.ndjson
 * java -cp target/test-classes org.legcds.bench.JfrProfile /tmp/x.jfr [thread-name-part] [top, default 25]
 * </pre>
 */
public final class JfrProfile {

    /** Stage name, and the frame (class.method prefix) that marks it; the first found from the top of a stack wins. */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("org.legcds.engine.Recorder", "explanation: Recorder (listeners, support)");
        STAGES.put("org.legcds.engine.Justifications", "explanation: Justifications (truth maintenance)");
        STAGES.put("org.legcds.engine.Assembler", "explanation: Assembler");
        STAGES.put("org.legcds.facts.Finding.describe", "explanation: Finding.describe");
        STAGES.put("org.drools.kiesession.session.StatefulKnowledgeSessionImpl.reset", "session reset");
        STAGES.put("org.legcds.vocabulary.Vocabulary.validate", "validation");
        STAGES.put("org.legcds.json.CaseJson", "JSON: reading the case");
        STAGES.put("org.legcds.json", "JSON: writing");
        STAGES.put("org.drools.kiesession.session.StatefulKnowledgeSessionImpl.fireAllRules", "Drools: firing");
        STAGES.put("org.drools.kiesession.entrypoints.NamedEntryPoint.insert", "Drools: inserting facts");
    }

    private JfrProfile() {
    }

    public static void main(String[] args) throws Exception {
        String thread = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Double> stages = new HashMap<>();
        Map<String, Double> self = new HashMap<>();
        Map<String, Double> inclusive = new HashMap<>();
        Map<String, Double> allocStages = new HashMap<>();
        Map<String, Double> allocClasses = new HashMap<>();
        double samples = 0;
        double allocated = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                boolean execution = type.equals("jdk.ExecutionSample");
                if (!execution && !type.equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                RecordedThread sampled = event.getThread(execution ? "sampledThread" : "eventThread");
                RecordedStackTrace stack = event.getStackTrace();
                if (sampled == null || stack == null || stack.getFrames().isEmpty()
                        || !String.valueOf(sampled.getJavaName()).contains(thread)) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                if (execution) {
                    samples++;
                    stages.merge(stage(frames), 1.0, Double::sum);
                    self.merge(name(frames.get(0)), 1.0, Double::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        if (seen.add(name(frame))) {
                            inclusive.merge(name(frame), 1.0, Double::sum);
                        }
                    }
                } else {
                    double weight = event.getLong("weight");
                    allocated += weight;
                    allocStages.merge(stage(frames), weight, Double::sum);
                    allocClasses.merge(event.getClass("objectClass").getName(), weight, Double::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %.0f execution samples%s%n", args[0], samples,
                thread.isEmpty() ? "" : " on threads named *" + thread + "*");
        print("stage (execution samples)", stages, samples, top);
        print("self (top frame)", self, samples, top);
        print("inclusive (on the stack)", inclusive, samples, top * 2);
        System.out.printf(Locale.ROOT, "allocation sampled: %.0f MB%n", allocated / 1e6);
        print("allocation by stage", allocStages, allocated, top);
        print("allocation by class", allocClasses, allocated, top);
    }

    private static String stage(List<RecordedFrame> frames) {
        boolean jackson = false; // Jackson reads cases and writes assessments: the legcds frame below it says which
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            jackson |= name.startsWith("com.fasterxml");
            for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                if (name.startsWith(stage.getKey())) {
                    return stage.getValue();
                }
            }
        }
        return jackson ? "JSON: writing" : "other (below " + name(frames.get(frames.size() - 1)) + ")";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Double> counts, double total, int limit) {
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100 * e.getValue() / total, e.getKey()));
    }
}
