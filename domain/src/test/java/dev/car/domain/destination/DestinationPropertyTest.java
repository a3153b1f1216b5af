package dev.car.domain.destination;

import static dev.car.domain.RandomRaw.anyString;
import static dev.car.domain.RandomRaw.rawDestination;
import static dev.car.domain.RandomRaw.rawValue;
import static dev.car.domain.RandomRaw.token;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random properties of parsing, canonical serialization and write validation. */
class DestinationPropertyTest {

    private static final int RUNS_PER_SEED = 400;

    /** A random docker destination already in canonical form (what a valid parse can produce). */
    static DockerDestination validDocker(Random random) {
        List<Mount> mounts = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            mounts.add(new Mount(token(random), token(random), random.nextBoolean()));
        }
        List<String> patterns = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            patterns.add(token(random));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            env.put(token(random), random.nextInt(4) == 0 ? "" : anyString(random));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String key = token(random);
            if (!DestinationParser.DOCKER_FIELDS.contains(key)) {
                extra.put(key, rawValue(random, 2));
            }
        }
        return new DockerDestination(
                token(random),
                random.nextBoolean() ? null : token(random),
                mounts,
                patterns,
                random.nextBoolean() ? null : token(random),
                random.nextBoolean() ? null : "full-dev",
                env,
                extra);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024, 7_777_777, -1, 0xCAFEL})
    void validDockerDestinationsRoundTripThroughTheirCanonicalMap(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < RUNS_PER_SEED; run++) {
            DockerDestination original = validDocker(random);
            String where = "seed " + seed + " run " + run + ": " + original;
            Map<String, Object> canonical = original.toMap();

            ParsedDestination parsed = DestinationParser.parse(canonical, "destination");
            assertTrue(parsed.valid(), () -> where + " errors " + parsed.errors());
            assertEquals(original, parsed.destination(), where);

            DestinationParser.WriteValidation once = DestinationParser.validateForWrite(canonical, "destination");
            assertTrue(once.valid(), where);
            assertEquals(canonical, once.normalized(), where);
            assertEquals(String.valueOf(canonical), String.valueOf(once.normalized()), where + " (key order)");

            DestinationParser.WriteValidation twice = DestinationParser.validateForWrite(once.normalized(), "destination");
            assertEquals(once.normalized(), twice.normalized(), where);
            assertEquals(String.valueOf(once.normalized()), String.valueOf(twice.normalized()), where + " (key order)");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024, 7_777_777, -1, 0xCAFEL})
    void parseNeverThrowsAndValidResultsAreFixedPoints(long seed) {
        Random random = new Random(seed);
        int valid = 0;
        for (int run = 0; run < RUNS_PER_SEED * 3; run++) {
            Object raw = rawDestination(random);
            String where = "seed " + seed + " run " + run + ": " + raw;
            ParsedDestination parsed = assertDoesNotThrow(() -> DestinationParser.parse(raw, "ctx"), where);
            DestinationParser.WriteValidation write =
                    assertDoesNotThrow(() -> DestinationParser.validateForWrite(raw, "ctx"), where);
            assertEquals(parsed.valid(), write.valid(), where);
            if (!parsed.valid()) {
                assertSame(LocalDestination.INSTANCE, parsed.destination(), where);
                assertFalse(parsed.errors().isEmpty(), where);
                assertTrue(parsed.errors().stream().allMatch(e -> e.startsWith("ctx: ")), where);
                assertNull(write.normalized(), where);
                assertEquals(parsed.errors(), write.errors(), where);
                continue;
            }
            valid++;
            assertEquals(List.of(), parsed.errors(), where);
            Map<String, Object> canonical = parsed.destination().toMap();
            assertEquals(canonical, write.normalized(), where);
            ParsedDestination again = DestinationParser.parse(canonical, "ctx");
            assertEquals(parsed.destination(), again.destination(), where);
            assertEquals(canonical, DestinationParser.validateForWrite(write.normalized(), "ctx").normalized(), where);
        }
        assertTrue(valid > 50, "the generator should produce valid destinations too, got " + valid);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void arbitraryValuesNeverThrow(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < RUNS_PER_SEED * 5; run++) {
            Object raw = rawValue(random, 4);
            assertDoesNotThrow(() -> DestinationParser.parse(raw, "ctx"), () -> "seed " + seed + ": " + raw);
            assertDoesNotThrow(() -> DestinationPayloads.preserve(raw));
            assertDoesNotThrow(() -> DestinationPayloads.normalize(raw));
        }
    }
}
