package dev.car.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepoIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "My Repo!|My-Repo",
            "`  `|repo",
            "``|repo",
            "--a--|a",
            "a//b|a-b",
            "._x_.|._x_.",
            "ünïcode|n-code",
            "` base `|base",
            "a b\tc|a-b-c",
            "-|repo",
            "!!!|repo",
            "a..b|a..b",
            "\u00a0x\u3000|x",
            "a!-!b|a---b",
    })
    void sanitize(String input, String expected) {
        assertEquals(expected, RepoIds.sanitize(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "base--feature", "A.b_c-9", "._x_.", "-"})
    void safeIds(String id) {
        assertTrue(RepoIds.isSafe(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " a", "a b", "a/b", "ü", "a\n"})
    void unsafeIds(String id) {
        assertFalse(RepoIds.isSafe(id));
    }

    @Test
    void nullIsNotSafe() {
        assertFalse(RepoIds.isSafe(null));
    }

    @Test
    void sanitizedIdsAreSafe() {
        for (String raw : new String[] {"My Repo!", "  ", "ünïcode", "a//b", "\t"}) {
            assertTrue(RepoIds.isSafe(RepoIds.sanitize(raw)), raw);
        }
    }

    @Test
    void ensureUnique() {
        assertEquals("base", RepoIds.ensureUnique("base", Set.of()));
        assertEquals("base", RepoIds.ensureUnique("base", Set.of("other", "base-2")));
        assertEquals("base-2", RepoIds.ensureUnique("base", Set.of("base")));
        assertEquals("base-4", RepoIds.ensureUnique("base", Set.of("base", "base-2", "base-3", "base-5")));
        assertEquals("base-2-2", RepoIds.ensureUnique("base-2", Set.of("base-2")));
    }
}
