package org.chargeflex.optimizer.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes scenario and result files (JSON, Jackson). Unknown fields are refused. Writing goes to a temporary
 * file in the target's folder that is then moved over the target, so a failed write leaves no half-written file.
 */
public final class ScenarioIo {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ScenarioIo() {
    }

    /** Reads a scenario; a malformed file gives an IllegalArgumentException naming the file and the problem. */
    public static ScenarioFile read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), ScenarioFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    public static ScenarioFile parse(String json) {
        try {
            return MAPPER.readValue(json, ScenarioFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("scenario: " + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static ResultFile readResult(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ResultFile.class);
    }

    /** Writes {@code value} as JSON to {@code file} atomically (temp file + move). */
    public static void write(Object value, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
