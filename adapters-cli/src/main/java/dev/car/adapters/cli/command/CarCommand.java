package dev.car.adapters.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "car", mixinStandardHelpOptions = true, versionProvider = CarCommand.Version.class,
        description = "Decides where the agent backends of a hub run, repo by repo and worktree by worktree "
                + "(on the host or in a managed Docker container), and runs them there.")
public final class CarCommand extends Groups.Group {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of failures.")
    boolean verbose;

    /** Reads the version Maven wrote into the jar. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"car " + version()};
        }

        public static String version() {
            Properties properties = new Properties();
            try (InputStream in = CarCommand.class.getResourceAsStream("/dev/car/adapters/cli/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
