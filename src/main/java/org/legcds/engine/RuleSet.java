package org.legcds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.legcds.problems.RuleCompilationException;

/**
 * The files of a knowledge base, read from a directory: every {@code .drl} file (at any depth), the metadata file
 * {@value #METADATA} and the vocabulary files, keyed by path relative to the directory with forward slashes, in sorted order.
 *
 * @param drl        DRL sources by relative path
 * @param metadata   the metadata file's text
 * @param vocabulary the vocabulary files ({@code vocabulary/*.yaml}) by relative path
 */
public record RuleSet(Map<String, String> drl, String metadata, Map<String, String> vocabulary) {

    /** The knowledge-base metadata file at the top of a rules directory. */
    public static final String METADATA = "knowledge-base.yaml";

    public RuleSet {
        drl = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drl));
        vocabulary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vocabulary));
    }

    /** Reads a rules directory. */
    public static RuleSet read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rules directory " + directory + " does not exist or is not a directory");
        }
        Map<String, String> drl = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                drl.put(relative, text(file, relative));
            }
            Path metadataFile = directory.resolve(METADATA);
            if (!Files.isRegularFile(metadataFile)) {
                throw new IllegalArgumentException("rules directory " + directory + " has no " + METADATA);
            }
            if (drl.isEmpty()) {
                throw new IllegalArgumentException("rules directory " + directory + " holds no .drl files");
            }
            return new RuleSet(drl, text(metadataFile, METADATA),
                    org.legcds.vocabulary.Vocabulary.files(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory + ": " + e, e);
        }
    }

    /**
     * A file's text, strictly UTF-8: a byte that is not UTF-8 is a rule error naming the file, the line and the byte
     * offset (never replaced and read on, which could change what a rule says).
     *
     * @throws RuleCompilationException for a malformed or unmappable byte
     */
    static String text(Path file, String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            StringBuilder shown = new StringBuilder();
            for (int i = offset; i < Math.min(bytes.length, offset + result.length()); i++) {
                shown.append(shown.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
            }
            throw new RuleCompilationException(List.of(new RuleCompilationException.Error(relative, line,
                    "byte " + shown + " at byte offset " + offset + " is not valid UTF-8; save the file as UTF-8")));
        }
        out.flip();
        return out.toString();
    }

    /** SHA-256 over every file's relative path and content, so an assessment can be tied to the exact rules. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : drl.entrySet()) {
                update(digest, file.getKey(), file.getValue());
            }
            update(digest, METADATA, metadata);
            for (Map.Entry<String, String> file : vocabulary.entrySet()) {
                update(digest, file.getKey(), file.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String name, String content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        // line endings must not change the hash of the same rules checked out on another OS
        digest.update(content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
