package dev.car.bootstrap;

import com.google.inject.Injector;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Picocli's factory for a production run: the hot-path commands from {@link HotPathCommands}, the
 * other commands with use cases from the Guice injector, created the first time one of them is
 * needed, and everything else (command groups, picocli's helpers) through picocli's own factory.
 */
final class ProductionCommandFactory implements IFactory {
    private final HotPathCommands hotPath = new HotPathCommands();
    private Injector injector;

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K hot = hotPath.create(type);
        if (hot != null) {
            return hot;
        }
        if (CarModule.COMMANDS.contains(type)) {
            return injector().getInstance(type);
        }
        return CommandLine.defaultFactory().create(type);
    }

    private Injector injector() {
        if (injector == null) {
            injector = CarApplication.injector(new CarModule());
        }
        return injector;
    }
}
