package org.legcds.assessment;

import java.util.List;

/**
 * The knowledge base that produced an assessment: what a certified EHR shows as a decision-support intervention's
 * source attributes.
 *
 * @param name        the knowledge base's name
 * @param version     its version
 * @param releaseDate its release date (ISO-8601)
 * @param status      validation status: draft, testing or production
 * @param maintainers who maintains it
 * @param sources     the bibliographic sources its rules cite
 * @param rules       how many rules it holds
 * @param contentHash SHA-256 of its DRL files and metadata, so a result can be tied to the exact rules
 */
public record KnowledgeBaseInfo(String name, String version, String releaseDate, String status,
                                List<String> maintainers, List<Source> sources, int rules, String contentHash) {
    /**
     * Copies the lists, so the record is immutable.
     *
     * @param name        the knowledge base's name
     * @param version     its version
     * @param releaseDate its release date (ISO-8601)
     * @param status      validation status: draft, testing or production
     * @param maintainers who maintains it
     * @param sources     the bibliographic sources its rules cite
     * @param rules       how many rules it holds
     * @param contentHash SHA-256 of its DRL files and metadata, so a result can be tied to the exact rules
     * @throws NullPointerException if a list is null or holds null
     */
    public KnowledgeBaseInfo {
        maintainers = List.copyOf(maintainers);
        sources = List.copyOf(sources);
    }

    /**
     * A bibliographic source.
     *
     * @param id        the evidence-register id, e.g. S001
     * @param title     title
     * @param publisher publisher or author
     * @param citation  full citation
     */
    public record Source(String id, String title, String publisher, String citation) {
    }
}
