package dev.car.application.hub;

import dev.car.application.port.out.HubLocation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubConfig;
import dev.car.application.port.out.HubConfigRepository;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubLocatorTest {
    private final Map<Path, HubConfig> configs = new HashMap<>();
    private final Set<Path> directories = new HashSet<>();
    private final HubConfigRepository repository = mock(HubConfigRepository.class);
    private final FileSystemProbe files = mock(FileSystemProbe.class);
    private final HostEnvironment host = mock(HostEnvironment.class);
    private final HubLocator locator = new HubLocator(repository, files, host);

    @BeforeEach
    void setUp() {
        when(repository.readAt(any())).thenAnswer(i -> Optional.ofNullable(configs.get(i.<Path>getArgument(0))));
        when(files.isDirectory(any())).thenAnswer(i -> directories.contains(i.<Path>getArgument(0)));
        when(files.canonicalize(any())).thenAnswer(i -> i.getArgument(0));
        when(host.workingDirectory()).thenReturn(Path.of("/work/hub/repos/base/src"));
        for (String dir : new String[] {"/", "/work", "/work/hub", "/work/hub/repos", "/work/hub/repos/base",
            "/work/hub/repos/base/src", "/work/hub/.codex-autorunner"}) {
            directories.add(Path.of(dir));
        }
    }

    @Test
    void findsTheHubFromTheWorkingDirectoryUpward() {
        configs.put(Path.of("/work/hub"), new HubConfig("hub", null));

        HubLocation hub = locator.locate(Optional.empty());

        assertEquals(Path.of("/work/hub"), hub.root());
        assertEquals(Path.of("/work/hub/.codex-autorunner/manifest.yml"), hub.manifestPath());
    }

    @Test
    void skipsConfigsOfOtherModesAndHonoursHubManifest() {
        configs.put(Path.of("/work/hub/repos/base"), new HubConfig("repo", null));
        configs.put(Path.of("/work/hub"), new HubConfig(null, "state/hub-manifest.yml"));

        HubLocation hub = locator.locate(Optional.empty());

        assertEquals(Path.of("/work/hub/state/hub-manifest.yml"), hub.manifestPath());
    }

    @Test
    void aPathOptionNamesTheHubFolder() {
        configs.put(Path.of("/work/hub"), new HubConfig("hub", null));

        assertEquals(Path.of("/work/hub"), locator.locate(Optional.of(Path.of("/work/hub"))).root());
        assertEquals(Path.of("/work/hub"), locator.locate(Optional.of(Path.of("../../.."))).root());
    }

    @Test
    void missingHubNamesTheStartingPoint() {
        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> locator.locate(Optional.of(Path.of("/work"))));

        assertEquals("Missing hub config file; expected to find .codex-autorunner/config.yml in "
                + "/work/.codex-autorunner/config.yml or parents (pass --path on most commands, --hub-root on car "
                + "render, or run 'car init' to initialize)", failure.getMessage());
    }

    @Test
    void missingHubFromTheWorkingDirectoryNamesIt() {
        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> locator.locate(Optional.empty()));

        assertEquals("Missing hub config file; expected to find .codex-autorunner/config.yml in "
                + "/work/hub/repos/base/src or parents (pass --path on most commands, --hub-root on car render, "
                + "or run 'car init' to initialize)", failure.getMessage());
    }
}
