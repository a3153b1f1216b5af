package dev.car.adapters.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor (standard tags only, never Java classes) with timestamps kept as text
 * and PyYAML's {@code =} value tag read as the plain string it looks like.
 */
final class PyYamlConstructor extends SafeConstructor {

    PyYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                if (!(node instanceof ScalarNode scalar)) {
                    throw new YAMLException("a timestamp must be a scalar");
                }
                return new YamlTimestamp(constructScalar(scalar));
            }
        });
        yamlConstructors.put(PyYamlResolver.VALUE_TAG, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                if (!(node instanceof ScalarNode scalar)) {
                    throw new YAMLException("a '=' value must be a scalar");
                }
                return constructScalar(scalar);
            }
        });
    }
}
