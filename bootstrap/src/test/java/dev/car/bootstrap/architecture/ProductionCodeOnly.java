package dev.car.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/** Leaves out test classes, including the application's test-fixtures jar, which ArchUnit's own option keeps. */
public final class ProductionCodeOnly implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.matches(TEST_JAR);
    }
}
