package dev.car.bootstrap.dist;

import dev.car.bootstrap.CarApplication;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the non-jar parts of the distribution at package time: the launcher, the fixed-order
 * classpath it reads, the bash completion script and the man pages, all from the real command tree.
 */
public final class DistributionFiles {
    private DistributionFiles() {
    }

    /** Arguments: the {@code src/dist} folder, the distribution folder holding {@code lib/}, the README. */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path dist = Path.of(args[1]);
        CommandLine commands = CarApplication.create().commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        Path launcher = dist.resolve("bin/car");
        Files.createDirectories(launcher.getParent());
        Files.copy(source.resolve("bin/car"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted()
                    .toList();
            Files.writeString(dist.resolve("lib/classpath"), String.join("\n", names) + "\n");
        }

        Path completion = dist.resolve("share/bash-completion/completions/car");
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("car", commands));

        ManPages.write(commands, dist.resolve("share/man/man1"));
        Files.copy(Path.of(args[2]), dist.resolve("README.md"), StandardCopyOption.REPLACE_EXISTING);
        // The launcher uses the archive only in the folder it was dumped for (JDK 17 checks jar paths).
        Files.writeString(dist.resolve("lib/car.jsa.home"), dist.toRealPath().toString());
    }

}
