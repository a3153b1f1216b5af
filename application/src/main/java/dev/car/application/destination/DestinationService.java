package dev.car.application.destination;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.HubLocation;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.ManifestStore;
import dev.car.domain.destination.DestinationParser;
import dev.car.domain.destination.DestinationParser.WriteValidation;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import java.util.Map;

/** Shows and sets repo destinations. Reading never writes; a failed set writes nothing. */
public final class DestinationService implements ShowDestinationUseCase, SetDestinationUseCase,
        UnsetDestinationUseCase {
    private final HubLocator locator;
    private final ManifestStore manifests;

    public DestinationService(HubLocator locator, ManifestStore manifests) {
        this.locator = locator;
        this.manifests = manifests;
    }

    @Override
    public DestinationView show(ShowDestinationQuery query) {
        HubLocation hub = locator.locate(query.hubPath());
        Manifest manifest = manifests.loadFor(hub, query.repoId());
        return DestinationView.of(manifest, requireRepo(manifest, query.repoId()));
    }

    @Override
    public DestinationView set(SetDestinationCommand command) {
        HubLocation hub = locator.locate(command.hubPath());
        // Check before taking the write lock so that a bad request touches nothing on disk.
        Map<String, Object> normalized = validate(manifests.load(hub), command);
        Manifest stored = manifests.update(hub, current -> {
            requireRepo(current, command.repoId());
            return current.replaceRepo(command.repoId(), repo -> repo.withDestination(normalized));
        });
        return DestinationView.of(stored, requireRepo(stored, command.repoId()));
    }

    @Override
    public DestinationView unset(UnsetDestinationCommand command) {
        HubLocation hub = locator.locate(command.hubPath());
        requireRepo(manifests.load(hub), command.repoId());
        Manifest stored = manifests.update(hub, current -> {
            requireRepo(current, command.repoId());
            return current.replaceRepo(command.repoId(), repo -> repo.withDestination(null));
        });
        return DestinationView.of(stored, requireRepo(stored, command.repoId()));
    }

    private static Map<String, Object> validate(Manifest manifest, SetDestinationCommand command) {
        requireRepo(manifest, command.repoId());
        WriteValidation validation = DestinationParser.validateForWrite(command.request().toPayload(), "destination");
        if (!validation.valid()) {
            throw new UseCaseFailure(String.join("; ", validation.errors()));
        }
        return validation.normalized();
    }

    static RepoEntry requireRepo(Manifest manifest, String repoId) {
        RepoEntry repo = manifest.find(repoId).orElse(null);
        if (repo == null) {
            throw new UseCaseFailure("Repo id not found in hub manifest: " + repoId);
        }
        return repo;
    }
}
