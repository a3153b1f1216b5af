package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.SocketException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Message and value translation, without an engine. */
class DockerEngineErrorsTest {

    /** docker-java puts "Status NNN: " before the engine's body itself. */
    @Test
    void unwrapsTheEnginesJsonMessage() {
        NotFoundException failure = new NotFoundException("{\"message\":\"No such container: x\"}\n");
        assertEquals("Cannot start container 'x': No such container: x",
                EngineErrors.translate("Cannot start container 'x'", "unix:///s", failure).getMessage());
    }

    @Test
    void keepsAMultiLineReasonOnOneLine() {
        InternalServerErrorException failure = new InternalServerErrorException(
                "{\"message\":\"first\\nsecond \\u003cthird\\u003e\"}\n");
        assertEquals("first second <third>", EngineErrors.reason(failure));
        assertEquals("HTTP status 404", EngineErrors.reason(new NotFoundException("")));
        assertEquals("say \"hi\" & bye\\", EngineErrors.jsonMessage("{\"message\":\"say \\\"hi\\\" \\u0026 bye\\\\\"}"));
        assertNull(EngineErrors.jsonMessage("not json"));
    }

    @Test
    void aConnectionFailureIsUnreachable() {
        RuntimeException failure = new RuntimeException(new SocketException("No such file or directory"));
        assertEquals("Docker engine unreachable at unix:///s: No such file or directory",
                EngineErrors.translate("Cannot inspect container 'x'", "unix:///s", failure).getMessage());
    }

    @Test
    void parsesEngineTimes() {
        assertEquals(Instant.parse("2026-12-04T16:05:01.123456789Z"),
                EngineTimes.parse("2026-12-04T16:05:01.123456789Z"));
        assertEquals(Instant.parse("2026-12-04T14:05:01Z"),
                EngineTimes.parse("2026-12-04T16:05:01+02:00"));
        assertNull(EngineTimes.parse("0001-01-01T00:00:00Z"));
        assertNull(EngineTimes.parse(""));
        assertNull(EngineTimes.parse(null));
    }

    @Test
    void splitsImageReferencesForThePullApi() {
        assertEquals(reference("busybox", "latest"), DockerContainerEngine.ImageReference.parse("busybox"));
        assertEquals(reference("busybox", "1.36"), DockerContainerEngine.ImageReference.parse("busybox:1.36"));
        assertEquals(reference("registry:5000/team/app", "1"),
                DockerContainerEngine.ImageReference.parse("registry:5000/team/app:1"));
        assertEquals(reference("registry:5000/team/app", "latest"),
                DockerContainerEngine.ImageReference.parse("registry:5000/team/app"));
        assertEquals(reference("busybox", "sha256:0123"),
                DockerContainerEngine.ImageReference.parse("busybox:1.36@sha256:0123"));
    }

    private static DockerContainerEngine.ImageReference reference(String repository, String tag) {
        return new DockerContainerEngine.ImageReference(repository, tag);
    }
}
