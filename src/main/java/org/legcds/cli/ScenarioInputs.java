package org.legcds.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.legcds.scenario.InvalidScenarioException;
import org.legcds.scenario.Scenario;
import org.legcds.scenario.ScenarioReader;

/**
 * Scenario files named on the command line, files and folders alike: every scenario that can be read, and a problem
 * for each file or folder that cannot (a bad file never stops the others). A file is read with the red-flag screen of
 * its folder, as when its folder is named.
 *
 * @param scenarios the scenarios read, in argument order, each folder's in name order, each file once
 * @param problems  one message per bad file or folder, naming it
 */
record ScenarioInputs(List<Scenario> scenarios, List<String> problems) {

    /** Reads scenario files and folders against a knowledge base's vocabulary (its ids are the ones a scenario may use). */
    static ScenarioInputs read(List<Path> paths, org.legcds.vocabulary.Vocabulary vocabulary) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            try {
                if (Files.isDirectory(path)) {
                    ScenarioReader reader = ScenarioReader.of(path, vocabulary);
                    List<Path> files = reader.files();
                    if (files.isEmpty()) {
                        problems.add("no scenario files (*.yaml) in " + path);
                    }
                    for (Path file : files) {
                        readOne(reader, file, seen, scenarios, problems);
                    }
                } else if (Files.isRegularFile(path)) {
                    readOne(ScenarioReader.of(path.getParent() == null ? Path.of(".") : path.getParent(), vocabulary), path, seen,
                            scenarios, problems);
                } else {
                    problems.add(path + ": no such file or directory");
                }
            } catch (IllegalArgumentException e) { // includes a bad red-flag screen file
                problems.add(e.getMessage());
            }
        }
        return new ScenarioInputs(scenarios, problems);
    }

    private static void readOne(ScenarioReader reader, Path file, Set<Path> seen, List<Scenario> scenarios,
                                List<String> problems) {
        if (!seen.add(file.toAbsolutePath().normalize())) {
            return;
        }
        try {
            scenarios.add(reader.read(file));
        } catch (InvalidScenarioException e) {
            problems.add(e.getMessage());
        }
    }
}
