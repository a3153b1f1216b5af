package dev.car.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.car.adapters.cli.command.DestinationSetCommand;
import dev.car.adapters.cli.command.DestinationShowCommand;
import dev.car.adapters.cli.input.JsonInput;
import dev.car.application.UseCaseFailure;
import dev.car.application.destination.ApiDestinationRequest;
import dev.car.application.destination.DestinationView;
import dev.car.application.destination.FlagDestinationRequest;
import dev.car.application.destination.SetDestinationUseCase;
import dev.car.application.destination.SetDestinationUseCase.SetDestinationCommand;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.destination.ShowDestinationUseCase.ShowDestinationQuery;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.LocalDestination;
import dev.car.domain.destination.Mount;
import dev.car.domain.manifest.ManifestException;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.resolution.DestinationSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class DestinationCommandsTest {
    private final ShowDestinationUseCase show = mock(ShowDestinationUseCase.class);
    private final SetDestinationUseCase set = mock(SetDestinationUseCase.class);

    @TempDir
    Path dir;

    private CliHarness cli(String stdin) {
        JsonInput input = new JsonInput(() -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), dir);
        return new CliHarness()
                .with(DestinationShowCommand.class, new DestinationShowCommand(show))
                .with(DestinationSetCommand.class, new DestinationSetCommand(set, input));
    }

    private CliHarness cli() {
        return cli("");
    }

    private static DockerDestination docker() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CODEX_HOME", "/w/.codex");
        return new DockerDestination("busybox:latest", "car-demo",
                List.of(new Mount("/opt/cache", "/opt/cache", true)), List.of("CAR_*"), "/w", "full-dev", env, Map.of());
    }

    private static DestinationView worktreeView() {
        return new DestinationView("wt", RepoKind.WORKTREE, "base", null, docker(), DestinationSource.BASE,
                List.of("repo 'wt' destination: unsupported destination kind 'ssh'"));
    }

    @Test
    void showJsonHasTheReferenceKeysInOrder() {
        when(show.show(any())).thenReturn(worktreeView());

        CliHarness.Result result = cli().run("hub", "destination", "show", "wt", "--json", "--path", "/hub");

        assertEquals(0, result.exitCode());
        assertEquals("", result.stderr());
        assertEquals("""
                {
                  "repo_id": "wt",
                  "configured_destination": null,
                  "effective_destination": {
                    "kind": "docker",
                    "image": "busybox:latest",
                    "container_name": "car-demo",
                    "mounts": [
                      {
                        "source": "/opt/cache",
                        "target": "/opt/cache",
                        "read_only": true
                      }
                    ],
                    "env_passthrough": [
                      "CAR_*"
                    ],
                    "workdir": "/w",
                    "profile": "full-dev",
                    "env": {
                      "CODEX_HOME": "/w/.codex"
                    }
                  },
                  "source": "base",
                  "issues": [
                    "repo 'wt' destination: unsupported destination kind 'ssh'"
                  ],
                  "kind": "worktree",
                  "worktree_of": "base"
                }
                """, result.stdout());
        verify(show).show(new ShowDestinationQuery(Optional.of(Path.of("/hub")), "wt"));
    }

    @Test
    void showTextSortsKeysRecursivelyAndListsIssues() {
        when(show.show(any())).thenReturn(worktreeView());

        CliHarness.Result result = cli().run("hub", "destination", "show", "wt");

        assertEquals(0, result.exitCode());
        assertEquals("""
                wt kind=worktree worktree_of=base
                destination source=base:
                {
                  "container_name": "car-demo",
                  "env": {
                    "CODEX_HOME": "/w/.codex"
                  },
                  "env_passthrough": [
                    "CAR_*"
                  ],
                  "image": "busybox:latest",
                  "kind": "docker",
                  "mounts": [
                    {
                      "read_only": true,
                      "source": "/opt/cache",
                      "target": "/opt/cache"
                    }
                  ],
                  "profile": "full-dev",
                  "workdir": "/w"
                }
                issue: repo 'wt' destination: unsupported destination kind 'ssh'
                """, result.stdout());
    }

    @Test
    void showTextOfABaseRepoHasNoWorktreeOf() {
        when(show.show(any())).thenReturn(new DestinationView("base", RepoKind.BASE, null, null,
                LocalDestination.INSTANCE, DestinationSource.DEFAULT, List.of()));

        CliHarness.Result result = cli().run("hub", "destination", "show", "base");

        assertEquals("base kind=base\ndestination source=default:\n{\n  \"kind\": \"local\"\n}\n", result.stdout());
    }

    @Test
    void setJsonHasNoKindOrWorktreeOf() {
        Map<String, Object> configured = new LinkedHashMap<>(docker().toMap());
        when(set.set(any())).thenReturn(new DestinationView("base", RepoKind.BASE, null, configured,
                DockerDestination.ofImage("busybox:latest"), DestinationSource.REPO, List.of()));

        CliHarness.Result result = cli().run("hub", "destination", "set", "base", "docker", "--image", "busybox:latest",
                "--json");

        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().startsWith("{\n  \"repo_id\": \"base\",\n  \"configured_destination\": {\n"));
        assertTrue(result.stdout().endsWith("  \"effective_destination\": {\n    \"kind\": \"docker\",\n"
                + "    \"image\": \"busybox:latest\"\n  },\n  \"source\": \"repo\",\n  \"issues\": []\n}\n"));
    }

    @Test
    void setTextIsOneLine() {
        when(set.set(any())).thenReturn(new DestinationView("base", RepoKind.BASE, null, Map.of("kind", "local"),
                LocalDestination.INSTANCE, DestinationSource.REPO, List.of()));

        CliHarness.Result result = cli().run("hub", "destination", "set", "base", "local");

        assertEquals("destination: base -> local (source=repo)\n", result.stdout());
        assertEquals(0, result.exitCode());
    }

    @Test
    void setPassesEveryFlagInOrder() {
        when(set.set(any())).thenReturn(worktreeView());

        cli().run("hub", "destination", "set", "base", "docker", "--image", " busybox:latest ", "--name", "n",
                "--env", "CAR_*", "--env", "PATH", "--env-map", "B=2", "--env-map", "A=x=y", "--mount", "/a:/b",
                "--mount-ro", "/c:/d", "--mount", "/e:/f", "--profile", "FULL-DEV", "--workdir", "/w",
                "--path", "/hub");

        ArgumentCaptor<SetDestinationCommand> captor = ArgumentCaptor.forClass(SetDestinationCommand.class);
        verify(set).set(captor.capture());
        assertEquals(Optional.of(Path.of("/hub")), captor.getValue().hubPath());
        assertEquals("base", captor.getValue().repoId());
        assertEquals(new FlagDestinationRequest("docker", " busybox:latest ", "n", List.of("CAR_*", "PATH"),
                List.of("B=2", "A=x=y"), List.of("/a:/b", "/e:/f"), List.of("/c:/d"), "FULL-DEV", "/w"),
                captor.getValue().request());
    }

    @Test
    void failuresAreOneLineOnStderrWithExitOne() {
        when(show.show(any())).thenThrow(new UseCaseFailure("Repo id not found in hub manifest: nope"));

        CliHarness.Result result = cli().run("hub", "destination", "show", "nope");

        assertEquals(1, result.exitCode());
        assertEquals("", result.stdout());
        assertEquals("Repo id not found in hub manifest: nope\n", result.stderr());
    }

    @Test
    void manifestErrorsAreOneLineWithExitOne() {
        when(show.show(any())).thenThrow(new ManifestException("/h/m.yml: Unsupported manifest version 4; expected 3"));

        CliHarness.Result result = cli().run("hub", "destination", "show", "x");

        assertEquals(1, result.exitCode());
        assertEquals("/h/m.yml: Unsupported manifest version 4; expected 3\n", result.stderr());
    }

    @Test
    void unexpectedErrorsHaveNoStackTraceUnlessVerbose() {
        when(show.show(any())).thenThrow(new IllegalStateException("boom"));

        CliHarness.Result quiet = cli().run("hub", "destination", "show", "x");
        CliHarness.Result verbose = cli().run("hub", "destination", "show", "x", "--verbose");

        assertEquals(1, quiet.exitCode());
        assertEquals("car: internal error: IllegalStateException: boom\n", quiet.stderr());
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.stderr().contains("\tat "), verbose.stderr());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        CliHarness.Result unknown = cli().run("hub", "destination", "show", "x", "--bogus");
        CliHarness.Result missing = cli().run("hub", "destination", "show");
        CliHarness.Result noKind = cli().run("hub", "destination", "set", "x");
        CliHarness.Result group = cli().run("hub", "destination");

        for (CliHarness.Result result : List.of(unknown, missing, noKind, group)) {
            assertEquals(2, result.exitCode(), result.stderr());
            assertEquals("", result.stdout());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().startsWith("car: "), result.stderr());
        }
        assertEquals("car: Unknown option: '--bogus' (see 'car hub destination show --help')\n", unknown.stderr());
        assertEquals("car: Missing required parameter: '<repo_id>' (see 'car hub destination show --help')\n",
                missing.stderr());
        verify(set, never()).set(any());
    }

    @Test
    void fromJsonReadsAFileIntoAnApiRequest() throws IOException {
        when(set.set(any())).thenReturn(worktreeView());
        Files.writeString(dir.resolve("body.json"), "{\"kind\": \"docker\", \"image\": \"img\", \"containerName\": \"c\","
                + " \"mounts\": [{\"source\": \"/a\", \"target\": \"/b\", \"readOnly\": true}]}");

        CliHarness.Result result = cli().run("hub", "destination", "set", "r", "--from-json", "body.json");

        assertEquals(0, result.exitCode(), result.stderr());
        ArgumentCaptor<SetDestinationCommand> captor = ArgumentCaptor.forClass(SetDestinationCommand.class);
        verify(set).set(captor.capture());
        ApiDestinationRequest request = assertInstanceOf(ApiDestinationRequest.class, captor.getValue().request());
        assertEquals("{kind=docker, image=img, container_name=c, mounts=[{source=/a, target=/b, read_only=true}]}",
                request.toPayload().toString());
    }

    @Test
    void fromJsonReadsStdin() {
        when(set.set(any())).thenReturn(worktreeView());

        CliHarness.Result result = cli("{\"kind\": \"local\"}").run("hub", "destination", "set", "r", "--from-json", "-");

        assertEquals(0, result.exitCode(), result.stderr());
    }

    @Test
    void fromJsonRejectsBadInputWithOneLine() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"kind\": \"docker\",\n  \"image\": }");
        Files.writeString(dir.resolve("dup.json"), "{\"kind\": \"docker\", \"kind\": \"local\"}");

        CliHarness.Result syntax = cli().run("hub", "destination", "set", "r", "--from-json", "bad.json");
        CliHarness.Result duplicate = cli().run("hub", "destination", "set", "r", "--from-json", "dup.json");
        CliHarness.Result missing = cli().run("hub", "destination", "set", "r", "--from-json", "none.json");
        CliHarness.Result mixed = cli().run("hub", "destination", "set", "r", "docker", "--from-json", "bad.json");

        assertEquals(1, syntax.exitCode());
        assertTrue(syntax.stderr().startsWith("--from-json: invalid JSON in bad.json at line 2, column "), syntax.stderr());
        assertEquals(1, duplicate.exitCode());
        assertTrue(duplicate.stderr().contains("Duplicate field 'kind'"), duplicate.stderr());
        assertEquals("--from-json: file not found: none.json\n", missing.stderr());
        assertEquals(2, mixed.exitCode());
        for (CliHarness.Result result : List.of(syntax, duplicate, missing, mixed)) {
            assertEquals(1, result.stderr().lines().count(), result.stderr());
        }
        verify(set, never()).set(any());
    }

    @Test
    void helpTextsCarryTheReferenceWording() {
        CliHarness.Result setHelp = cli().run("hub", "destination", "set", "--help");
        CliHarness.Result showHelp = cli().run("hub", "destination", "show", "--help");

        assertEquals(0, setHelp.exitCode());
        assertTrue(setHelp.stdout().contains("Example:"));
        assertTrue(setHelp.stdout().contains("car hub destination set <repo_id> docker --image <image>"));
        for (String flag : List.of("--image", "--name", "--env", "--env-map", "--mount", "--mount-ro", "--profile",
                "--workdir", "--path", "--json", "--from-json")) {
            assertTrue(setHelp.stdout().contains(flag), flag);
        }
        assertTrue(showHelp.stdout().contains("Show repo destination."));
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliHarness.Result result = cli().run("--version");

        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().matches("car \\d+\\.\\d+\\.\\d+.*\n"), result.stdout());
    }
}
