package dev.car.bootstrap.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassFileUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void picocliIsUpgradedToVerifiableJava8ClassesThatStillParseCommandLines() throws Exception {
        Path jar = copyOfPicocli();
        assertTrue(versions(jar).contains(49), "picocli as published is a Java 5 jar");

        int changed;
        try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            changed = ClassFileUpgrade.upgradeJar(jar, hierarchy);
        }

        assertTrue(changed > 100, "classes upgraded: " + changed);
        assertTrue(versions(jar).stream().allMatch(v -> v >= 50), "every class is one the archive takes");
        try (URLClassLoader upgraded = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // Initialising links and verifies each class with the type-checking verifier and the new frames.
            for (String name : classNames(jar)) {
                Class.forName(name, true, upgraded);
            }
            Class<?> commandLine = Class.forName("picocli.CommandLine", true, upgraded);
            assertSame(upgraded, commandLine.getClassLoader());
        }
    }

    @Test
    void aJarWithoutOldClassesIsLeftUntouched() throws Exception {
        Path jar = Path.of(ClassFileUpgrade.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            // Classes from a folder (the IDE): build a one-class jar of our own instead.
            jar = folder.resolve("own.jar");
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                 InputStream in = ClassFileUpgrade.class.getResourceAsStream("ClassFileUpgrade.class")) {
                out.putNextEntry(new JarEntry("dev/car/bootstrap/dist/ClassFileUpgrade.class"));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
        } else {
            jar = Files.copy(jar, folder.resolve("own.jar"));
        }
        byte[] before = Files.readAllBytes(jar);

        int changed = ClassFileUpgrade.upgradeJar(jar, ClassLoader.getPlatformClassLoader());

        assertEquals(0, changed);
        assertArrayEquals(before, Files.readAllBytes(jar));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("own.jar"), files.map(Path::getFileName).map(Path::toString).toList());
        }
    }

    private Path copyOfPicocli() throws IOException, URISyntaxException {
        Path published = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.copy(published, folder.resolve("picocli.jar"));
    }

    private static List<Integer> versions(Path jar) throws IOException {
        List<Integer> versions = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        versions.add(ClassFileUpgrade.classVersion(in.readNBytes(8)));
                    }
                }
            }
        }
        return versions;
    }

    private static List<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
