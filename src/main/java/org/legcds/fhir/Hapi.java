package org.legcds.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * HAPI FHIR is an optional dependency of legcds (hosts that never read FHIR do not inherit it): a reader checks that it
 * is on the class path before anything touches it, so a host without it learns which dependency to add instead of
 * meeting a bare {@link NoClassDefFoundError}.
 */
final class Hapi {

    /** The dependency a host adds to read FHIR. */
    static final String ARTIFACT = "ca.uhn.hapi.fhir:hapi-fhir-structures-r4";

    /** A class of each HAPI artifact the reader uses: the parser (hapi-fhir-base) and the R4 model. */
    private static final String[] CLASSES = {"ca.uhn.fhir.context.FhirContext", "org.hl7.fhir.r4.model.Bundle"};

    private Hapi() {
    }

    /** @throws IllegalStateException naming the dependency to add, if HAPI's R4 structures are not on the class path */
    static void require() {
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, Hapi.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("reading FHIR needs HAPI FHIR's R4 structures, which legcds declares "
                        + "optional and which are not on the class path (" + name + " is missing): add the dependency "
                        + ARTIFACT + ":" + builtWith() + " to the host", e);
            }
        }
    }

    /** The HAPI FHIR version legcds was built and tested with. */
    private static String builtWith() {
        Properties build = new Properties();
        try (InputStream in = Hapi.class.getResourceAsStream("/org/legcds/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // only the version in a message is lost
        }
        return build.getProperty("hapi.fhir.version", "(the version in legcds' pom)");
    }
}
