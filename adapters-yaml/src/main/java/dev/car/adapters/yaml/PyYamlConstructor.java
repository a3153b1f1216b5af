package dev.car.adapters.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor (standard tags only, never Java classes) with timestamps kept as text
 * and PyYAML's {@code =} value tag read as the plain string it looks like. An explicit standard tag
 * on the wrong kind of node ({@code !!str [1]}) or on a bad value ({@code !!int x}) is reported with
 * its position instead of escaping as a Java {@code ClassCastException} or {@code NumberFormatException}.
 */
final class PyYamlConstructor extends SafeConstructor {

    PyYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                return new YamlTimestamp(constructScalar((ScalarNode) node));
            }
        });
        yamlConstructors.put(PyYamlResolver.VALUE_TAG, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                return constructScalar((ScalarNode) node);
            }
        });
        for (Tag scalar : new Tag[] {Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.BINARY, Tag.TIMESTAMP, Tag.STR,
                PyYamlResolver.VALUE_TAG}) {
            requireKind(scalar, NodeId.scalar);
        }
        requireKind(Tag.SEQ, NodeId.sequence);
        requireKind(Tag.MAP, NodeId.mapping);
        requireKind(Tag.SET, NodeId.mapping);
    }

    /** A plain scalar's value for the tag the resolver gave it, built as composing a document builds it. */
    Object constructPlainScalar(Tag tag, String value) {
        return yamlConstructors.get(tag).construct(new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN));
    }

    private void requireKind(Tag tag, NodeId kind) {
        Construct original = yamlConstructors.get(tag);
        String name = tag.getValue().replace(Tag.PREFIX, "!!");
        yamlConstructors.put(tag, new Construct() {
            @Override
            public Object construct(Node node) {
                if (node == null) {
                    return original.construct(null); // an empty stream is constructed as !!null of no node
                }
                if (node.getNodeId() != kind) {
                    throw new TagMismatch(name + " cannot tag a " + describe(node.getNodeId()), node.getStartMark());
                }
                try {
                    return original.construct(node);
                } catch (YAMLException e) {
                    throw e;
                } catch (RuntimeException e) {
                    String value = node instanceof ScalarNode scalar ? " '" + scalar.getValue() + "'" : "";
                    throw new TagMismatch("not a valid " + name + " value" + value, node.getStartMark());
                }
            }

            @Override
            public void construct2ndStep(Node node, Object object) {
                original.construct2ndStep(node, object);
            }
        });
    }

    private static String describe(NodeId kind) {
        switch (kind) {
            case scalar:
                return "scalar";
            case sequence:
                return "list";
            default:
                return "mapping";
        }
    }

    /** A marked error, so the message carries the line and column like every other YAML error. */
    private static final class TagMismatch extends ConstructorException {
        private static final long serialVersionUID = 1L;

        TagMismatch(String problem, Mark mark) {
            super(null, null, problem, mark);
        }
    }
}
