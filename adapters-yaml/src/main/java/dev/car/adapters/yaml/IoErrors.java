package dev.car.adapters.yaml;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A file-system error as the short phrase that ends a one-line message ("<file>: cannot read: <phrase>"). */
final class IoErrors {
    private IoErrors() {
    }

    static String describe(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? " (" + fs.getFile() + ")" : "";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder" + file;
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder" + file;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return SafeYaml.oneLine(fs.getReason()) + file;
        }
        return SafeYaml.oneLine(String.valueOf(e.getMessage()));
    }
}
