package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code car exec} on a local destination, as a separate process, with DOCKER_HOST pointing at
 * nothing: local runs and manifest commands must never touch the engine.
 */
class LocalExecEndToEndTest {
    @TempDir
    Path tmp;

    Path hub;
    Path repo;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        hub = tmp.toRealPath().resolve("hub");
        repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        env = Map.of("DOCKER_HOST", "unix://" + tmp.resolve("no-engine.sock"), "CAR_LOCAL_MARK", "from-host");
        for (String[] args : List.of(new String[] {"hub", "init"}, new String[] {"hub", "repo", "add", "repos/app"},
                new String[] {"hub", "destination", "set", "app", "local"})) {
            CarProcess.Finished done = CarProcess.run(hub, env, "", args);
            assertEquals(0, done.exitCode(), done.stderr());
        }
    }

    @Test
    void localCommandsRunOnTheHostInTheRepoRootWithTheHostEnvironment() throws Exception {
        CarProcess.Finished cat = CarProcess.run(hub, env, "hi\n", "exec", "app", "--", "cat");
        CarProcess.Finished where = CarProcess.run(hub, env, "", "exec", "app", "-e", "EXTRA=1", "--", "sh", "-c",
                "pwd; echo $CAR_LOCAL_MARK $EXTRA");
        CarProcess.Finished code = CarProcess.run(hub, env, "", "exec", "app", "--", "sh", "-c", "exit 4");
        CarProcess.Finished missing = CarProcess.run(hub, env, "", "exec", "app", "--", "no-such-command-here");

        assertEquals("hi\n", cat.stdout());
        assertEquals(0, cat.exitCode(), cat.stderr());
        assertEquals(repo + "\nfrom-host 1\n", where.stdout());
        assertEquals(4, code.exitCode());
        assertEquals(127, missing.exitCode());
        assertEquals("car: cannot run 'no-such-command-here': No such file or directory\n", missing.stderr());
    }

    @Test
    void aRepoWhoseFolderIsGoneSaysSoInsteadOfBlamingTheCommand() throws Exception {
        Path gone = hub.resolve("repos/gone");
        Files.createDirectories(gone);
        for (String[] args : List.of(new String[] {"hub", "repo", "add", "repos/gone"},
                new String[] {"hub", "destination", "set", "gone", "local"})) {
            CarProcess.Finished done = CarProcess.run(hub, env, "", args);
            assertEquals(0, done.exitCode(), done.stderr());
        }
        Files.delete(gone);

        CarProcess.Finished run = CarProcess.run(hub, env, "", "exec", "gone", "--", "true");

        assertEquals(126, run.exitCode());
        assertEquals("car: cannot run 'true': working directory " + repo.resolveSibling("gone")
                + " does not exist\n", run.stderr());
    }

    @Test
    void sigtermReachesTheLocalCommand() throws Exception {
        Path marker = tmp.resolve("started");
        Process process = CarProcess.start(hub, env, "exec", "app", "--", "sh", "-c",
                "trap 'echo got-term > " + tmp.resolve("trapped") + "; exit 0' TERM; touch " + marker
                        + "; while true; do sleep 0.1; done");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Thread errPump = CarProcess.pump(process.getErrorStream(), err);
        for (int i = 0; i < 200 && !Files.exists(marker); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(marker), "the command never started");

        process.destroy();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, process.exitValue());
        errPump.join();
        assertTrue(Files.exists(tmp.resolve("trapped")), "the command was not signalled; car said: " + err);
        assertEquals("got-term\n", Files.readString(tmp.resolve("trapped")));
    }

    @Test
    void dryRunOfALocalDestinationNeedsNoEngine() throws Exception {
        CarProcess.Finished plan = CarProcess.run(hub, env, "", "exec", "app", "--dry-run", "--", "make");

        assertEquals(0, plan.exitCode(), plan.stderr());
        assertEquals("repo: app (destination local, source=repo)\nhost: runs on this machine with its environment\n"
                + "workdir: " + repo + "\ncommand: make\n", plan.stdout());
    }

    @Test
    void dryRunOfADockerDestinationNeedsNoEngineAndHidesPassthroughValues() throws Exception {
        Map<String, String> withSecret = new java.util.HashMap<>(env);
        withSecret.put("OPENAI_API_KEY", "sk-never-shown");
        CarProcess.run(hub, withSecret, "", "hub", "destination", "set", "app", "docker", "--image", "img",
                "--profile", "full-dev", "--env-map", "MODE=ci");

        CarProcess.Finished plan = CarProcess.run(hub, withSecret, "", "exec", "app", "--dry-run", "--", "make");

        assertEquals(0, plan.exitCode(), plan.stderr());
        String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
        String container = dev.car.domain.container.WorkspaceIds.defaultContainerName(repo.toString());
        assertEquals("repo: app (destination docker, source=repo)\n"
                + "container: " + container + " (image img, user " + plan.stdout().split("user ")[1].split(",")[0]
                + ", init)\n"
                + "mount: " + repo + ":" + repo + "\n"
                + "mount: " + home + "/.codex:" + home + "/.codex\n"
                + "mount: " + home + "/.local/share/opencode:" + home + "/.local/share/opencode\n"
                + "workdir: " + repo + "\n"
                + "env: CAR_LOCAL_MARK=***\n"
                + "env: MODE=ci\n"
                + "env: OPENAI_API_KEY=***\n"
                + "preflight: binaries codex, opencode, python3, git, rg, bash, node, pnpm; readable files "
                + home + "/.codex/auth.json, " + home + "/.local/share/opencode/auth.json; writable workdir " + repo
                + "\n"
                + "state root: " + repo + "/.codex-autorunner/app_server_workspaces\n"
                + "command: make\n", plan.stdout());
    }
}
