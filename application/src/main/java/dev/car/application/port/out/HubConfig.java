package dev.car.application.port.out;

/**
 * What car needs of a folder's {@code .codex-autorunner/config.yml}: its {@code mode} and the
 * optional {@code hub.manifest} path (relative to the hub root). Either may be null.
 */
public record HubConfig(String mode, String manifest) {

    /** A config with no mode, or mode {@code hub}, marks a hub root. */
    public boolean isHub() {
        return mode == null || mode.equals("hub");
    }
}
