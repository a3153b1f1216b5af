package dev.car.adapters.cli.command;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The command tree, declared here rather than in {@code @Command(subcommands = ...)} so that a run
 * builds picocli's model (and the command objects) only for the command path it invokes: building
 * the whole tree reflectively costs more than most commands take to run. Help at a group, the root,
 * and completion still get the whole (sub)tree.
 */
public final class CommandTree {

    /** A command class and the commands under it. */
    record Node(Class<?> type, List<Node> children) {
        String name() {
            return type.getAnnotation(Command.class).name();
        }

        boolean isGroup() {
            return !children.isEmpty();
        }
    }

    private static Node node(Class<?> type, Node... children) {
        return new Node(type, List.of(children));
    }

    static final Node ROOT = node(CarCommand.class,
            node(Groups.Hub.class,
                    node(HubInitCommand.class),
                    node(Groups.Repo.class,
                            node(RepoAddCommand.class), node(RepoListCommand.class), node(RepoRemoveCommand.class)),
                    node(Groups.Destination.class,
                            node(DestinationShowCommand.class), node(DestinationSetCommand.class),
                            node(DestinationUnsetCommand.class), node(DestinationWrapCommand.class)),
                    node(ContainersCommand.class,
                            node(ContainersListCommand.class), node(ContainersReapCommand.class))),
            node(ExecCommand.class),
            node(DoctorCommand.class),
            node(HubInitCommand.class),
            node(DemoCommand.class),
            node(GenerateCompletion.class));

    private CommandTree() {
    }

    /** Every command, for help of the root, completion and man pages. */
    public static CommandLine full(IFactory factory) {
        return build(ROOT, factory, node -> node.children());
    }

    /**
     * The root and the commands named by {@code args}: the chain down to the command they name. Help
     * ({@code -h}, {@code --help}) and completion get the whole tree, since they list commands.
     */
    public static CommandLine forArgs(String[] args, IFactory factory) {
        Node current = ROOT;
        List<Node> chain = new java.util.ArrayList<>();
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("-")) {
                help |= arg.equals("-h") || arg.equals("--help");
                continue;
            }
            Node next = current.children().stream().filter(child -> child.name().equals(arg)).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            chain.add(next);
            current = next;
            if (!next.isGroup()) {
                break;
            }
        }
        if (help || current.type() == GenerateCompletion.class) {
            return full(factory);
        }
        // By identity: a record's own hashCode is bootstrapped through method handles, which costs a
        // short-lived process about 20 ms on first use.
        Map<Node, Node> onPath = new java.util.IdentityHashMap<>();
        Node parent = ROOT;
        for (Node step : chain) {
            onPath.put(parent, step);
            parent = step;
        }
        return build(ROOT, factory, node -> onPath.containsKey(node) ? List.of(onPath.get(node)) : List.of());
    }

    private static CommandLine build(Node node, IFactory factory, Function<Node, List<Node>> childrenOf) {
        CommandLine command;
        try {
            command = new CommandLine(factory.create(node.type()), factory);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("cannot create " + node.type().getName(), e);
        }
        for (Node child : childrenOf.apply(node)) {
            command.addSubcommand(child.name(), build(child, factory, childrenOf));
        }
        return command;
    }
}
