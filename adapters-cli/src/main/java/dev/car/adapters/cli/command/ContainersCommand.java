package dev.car.adapters.cli.command;

import picocli.CommandLine.Command;

@Command(name = "containers", mixinStandardHelpOptions = true,
        description = "List and reap the containers this hub manages.")
public final class ContainersCommand extends Groups.Group {
}
