package dev.car.adapters.cli.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.car.application.UseCaseFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Reads a JSON document from a file or standard input into plain maps, lists and scalars.
 * Duplicate keys are an error: silently keeping one of two values is how settings get lost.
 */
public final class JsonInput {
    private final Supplier<InputStream> stdin;
    private final Path workingDirectory;
    private volatile ObjectMapper mapper;

    public JsonInput(Supplier<InputStream> stdin, Path workingDirectory) {
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
    }

    public Object read(String source) {
        try {
            if (source.equals("-")) {
                return parse(stdin.get().readAllBytes(), "standard input");
            }
            Path file = workingDirectory.resolve(source);
            return parse(Files.readAllBytes(file), source);
        } catch (NoSuchFileException e) {
            throw new UseCaseFailure("--from-json: file not found: " + source);
        } catch (IOException e) {
            throw new UseCaseFailure("--from-json: cannot read " + source + ": " + e.getMessage());
        }
    }

    private Object parse(byte[] bytes, String where) {
        try {
            return mapper().readValue(bytes, Object.class);
        } catch (JsonParseException e) {
            throw new UseCaseFailure("--from-json: invalid JSON in " + where + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
        } catch (IOException e) {
            throw new UseCaseFailure("--from-json: invalid JSON in " + where + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
        }
    }

    private ObjectMapper mapper() {
        ObjectMapper current = mapper;
        if (current == null) {
            current = JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(JsonParser.Feature.ALLOW_COMMENTS)
                    .build();
            mapper = current;
        }
        return current;
    }
}
