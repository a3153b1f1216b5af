package dev.car.bootstrap.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, at package time, the classes of the distribution's jars that are older than Java 6 as
 * Java 8 class files with stack-map frames. JDK 17's class-data-sharing archive skips pre-Java-6
 * classes, and picocli (the parser every command goes through) is compiled for Java 5, so without
 * this its ~200 classes are parsed and verified by the old inference verifier on every run. Only the
 * class-file version and the frames change; the bytecode itself is kept as is.
 */
public final class ClassFileUpgrade {
    /** The first class-file version ({@code 50}, Java 6) that the archive takes and that carries frames. */
    static final int FIRST_ARCHIVABLE_VERSION = Opcodes.V1_6;
    static final int UPGRADED_VERSION = Opcodes.V1_8;

    private ClassFileUpgrade() {
    }

    /** Argument: the distribution's {@code lib} folder. Upgrades every jar there that needs it, in place. */
    public static void main(String[] args) throws IOException {
        Path lib = Path.of(args[0]);
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        try (URLClassLoader hierarchy = new URLClassLoader(urls(jars), ClassLoader.getPlatformClassLoader())) {
            for (Path jar : jars) {
                upgradeJar(jar, hierarchy);
            }
        }
    }

    /** Rewrites {@code jar} atomically when it holds old classes; returns how many classes changed. */
    static int upgradeJar(Path jar, ClassLoader hierarchy) throws IOException {
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrade");
        int changed = 0;
        try (JarFile source = new JarFile(jar.toFile(), false);
             OutputStream file = Files.newOutputStream(upgraded);
             JarOutputStream target = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = source.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && classVersion(bytes) < FIRST_ARCHIVABLE_VERSION) {
                    bytes = upgradeClass(bytes, hierarchy);
                    changed++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                target.putNextEntry(copy);
                target.write(bytes);
                target.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upgraded);
            throw e;
        }
        if (changed == 0) {
            Files.delete(upgraded);
        } else {
            Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return changed;
    }

    /** The major version of a class file. */
    static int classVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** The same class as a Java 8 class file; frames are computed against {@code hierarchy}. */
    static byte[] upgradeClass(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(UPGRADED_VERSION, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static URL[] urls(List<Path> jars) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
