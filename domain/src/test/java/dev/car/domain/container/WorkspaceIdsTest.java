package dev.car.domain.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceIdsTest {

    @ParameterizedTest
    @CsvSource({
            "/tmp/wrap/repo, 576e8db67800",
            "/home/user/hub/repos/base, a31ded747522",
            "/tmp/hub/worktrees/base--feature, 9ef909c95c33",
            "/, 8a5edab28263",
    })
    void referenceVectors(String path, String id) {
        assertEquals(id, WorkspaceIds.idFor(path));
        assertEquals("car-ws-" + id, WorkspaceIds.defaultContainerName(path));
    }

    @Test
    void hashesTheUtf8BytesOfThePath() {
        // sha256("/tmp/é")[:12], computed with Python hashlib
        assertEquals("ed2fd1a3eec8", WorkspaceIds.idFor("/tmp/\u00e9"));
    }

    @Test
    void idsAreTwelveLowerCaseHexDigits() {
        String id = WorkspaceIds.idFor("/some/where");
        assertEquals(12, id.length());
        assertEquals(id.toLowerCase(), id);
        assertEquals("car-ws-", WorkspaceIds.CONTAINER_PREFIX);
    }
}
