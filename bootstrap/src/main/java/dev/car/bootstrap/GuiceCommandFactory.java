package dev.car.bootstrap;

import com.google.inject.Injector;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Picocli creates our commands through Guice; its own helper types through its default factory. */
final class GuiceCommandFactory implements IFactory {
    private final Injector injector;

    GuiceCommandFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.getName().startsWith("dev.car.")) {
            return injector.getInstance(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
