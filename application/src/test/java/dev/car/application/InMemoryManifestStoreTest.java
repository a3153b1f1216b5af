package dev.car.application;

import dev.car.application.fixtures.InMemoryManifestStore;
import dev.car.application.fixtures.ManifestStoreContract;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;

class InMemoryManifestStoreTest extends ManifestStoreContract {

    private InMemoryManifestStore memory;

    @Override
    protected ManifestStore createStore() {
        memory = new InMemoryManifestStore();
        return memory;
    }

    @Override
    protected void seedRawDocument(HubLocation hub, Object rawDocument) {
        memory.seed(hub, rawDocument);
    }

    @Override
    protected Object storedContent(HubLocation hub) {
        return memory.document(hub);
    }
}
