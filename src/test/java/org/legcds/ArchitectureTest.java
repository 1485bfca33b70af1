package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shape of the library's API (issue 16): no public signature exposes a Drools or KIE type or an engine internal,
 * the engine shows only its entry points, the facade carries only the documented API, and no two packages depend on
 * each other (directly or round a circle): from the ground floor up, {@code problems}, {@code vocabulary},
 * {@code facts}, {@code assessment}, {@code conclusions}, {@code json}, {@code scenario}, {@code engine}, the facade
 * ({@code org.legcds}), and beside it {@code fhir}, {@code cdshooks}, {@code report}.
 *
 * <p>Checked: the library's classes as they go into the jar, without the CLI (not in the library jar) and without the
 * rule models generated from the DRL ({@code org.legcds.rules}, the executable model, which is Drools code by nature).
 */
class ArchitectureTest {

    /**
     * The engine's classes that other packages of the library reach: the facade loads and runs a knowledge base
     * ({@code KnowledgeBase}, {@code Evaluation}), the reloadable engine and the CLI's {@code check} gate a rules
     * directory ({@code RuleSet}, {@code SafetyGate}), and the build runs the precompiler. Everything else in it is
     * package-private. None of them shows in a public signature outside the engine.
     */
    private static final Set<String> ENGINE_ENTRY_POINTS = Set.of("Evaluation", "KnowledgeBase",
            "KnowledgeBasePrecompiler", "RuleSet", "SafetyGate");

    /** The facade's public methods: adding one is an API decision, made here and in the README. */
    private static final Set<String> FACADE = Set.of("packaged", "fromDirectory", "assess", "openSession",
            "knowledgeBase", "rules", "vocabulary");

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/legcds/cli/")
                    && !location.contains("/org/legcds/rules/"))
            .importPath(classesOf(LegCds.class));

    /** The directory (or jar) the library's classes come from: scanning only it, not the whole class path, is quick. */
    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noPublicSignatureExposesADroolsOrKieType() {
        SortedSet<String> found = new TreeSet<>();
        for (JavaClass type : LIBRARY) {
            if (!accessible(type)) {
                continue;
            }
            String name = type.getName();
            if (type.getPackageName().equals("org.legcds.engine")) {
                continue; // inside the engine its own types may show; outside it, none (checked below)
            }
            type.getRawSuperclass().ifPresent(superclass -> exposes(found, name + " extends", List.of(superclass)));
            exposes(found, name + " implements", type.getRawInterfaces());
            for (JavaField field : type.getFields()) {
                if (api(field.getModifiers())) {
                    exposes(found, name + "." + field.getName(), field.getType().getAllInvolvedRawTypes());
                }
            }
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (!api(member.getModifiers())) {
                    continue;
                }
                String signature = name + "." + member.getName() + "(" + member.getRawParameterTypes().stream()
                        .map(JavaClass::getSimpleName).collect(Collectors.joining(", ")) + ")";
                exposes(found, signature, member.getReturnType().getAllInvolvedRawTypes());
                for (JavaType parameter : member.getParameterTypes()) {
                    exposes(found, signature, parameter.getAllInvolvedRawTypes());
                }
                exposes(found, signature + " throws", member.getThrowsClause().getTypes());
            }
        }
        assertTrue(found.isEmpty(), () -> "public signatures exposing a Drools or KIE type or an engine internal:\n  "
                + String.join("\n  ", found));
    }

    @Test
    void noPackagesDependOnEachOther() {
        // package -> package it depends on -> one class dependency that shows it
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (JavaClass type : LIBRARY) {
            String from = slice(type);
            graph.computeIfAbsent(from, p -> new TreeMap<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (LIBRARY.contain(target.getName()) && !slice(target).equals(from)) {
                    graph.get(from).putIfAbsent(slice(target), type.getSimpleName() + " -> " + target.getSimpleName());
                }
            }
        }
        SortedSet<String> found = new TreeSet<>();
        StringBuilder evidence = new StringBuilder();
        for (Set<String> cycle : stronglyConnected(graph)) {
            if (cycle.size() > 1) {
                found.add(String.join(" <-> ", cycle));
                for (String from : cycle) {
                    graph.get(from).forEach((to, example) -> {
                        if (cycle.contains(to)) {
                            evidence.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(example)
                                    .append(')');
                        }
                    });
                }
            }
        }
        assertTrue(found.isEmpty(), () -> "package cycles: " + found + ", through" + evidence);
    }

    @Test
    void theEngineShowsOnlyItsEntryPoints() {
        SortedSet<String> shown = new TreeSet<>();
        for (JavaClass type : LIBRARY) {
            if (type.getPackageName().equals("org.legcds.engine") && accessible(type)
                    && !type.getSimpleName().equals("package-info")) {
                shown.add(type.getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(ENGINE_ENTRY_POINTS), shown, "public classes of org.legcds.engine");
    }

    @Test
    void theFacadeCarriesOnlyTheDocumentedApi() {
        SortedSet<String> methods = new TreeSet<>();
        for (JavaCodeUnit member : LIBRARY.get(LegCds.class).getCodeUnits()) {
            if (api(member.getModifiers()) && !member.isConstructor()) {
                methods.add(member.getName());
            }
        }
        assertEquals(new TreeSet<>(FACADE), methods, "public methods of LegCds (test hooks live in "
                + "KnowledgeBaseTesting)");
    }

    /** A top-level package of the library: {@code org.legcds} itself or {@code org.legcds.x} (with its subpackages). */
    private static String slice(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith("org.legcds.")) {
            return pkg;
        }
        int next = pkg.indexOf('.', "org.legcds.".length());
        return next < 0 ? pkg : pkg.substring(0, next);
    }

    /** Tarjan's algorithm: the sets of packages that reach one another. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    /** Public, and reachable by a host (every enclosing class public too). */
    private static boolean accessible(JavaClass type) {
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isLocalClass();
    }

    private static boolean api(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void exposes(Set<String> found, String where, Iterable<? extends JavaClass> types) {
        for (JavaClass type : types) {
            String pkg = type.getPackageName();
            if (pkg.startsWith("org.drools") || pkg.startsWith("org.kie") || pkg.equals("org.legcds.engine")) {
                found.add(where + ": " + type.getName());
            }
        }
    }

}
