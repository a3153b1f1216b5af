package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Resolving the empty-string null under '\0' only, rather than for every first character, types nothing differently. */
class PyYamlResolverTest {

    @Test
    void typesEveryScalarAsWhenTheEmptyResolverRanForEveryFirstCharacter() {
        PyYamlResolver resolver = new PyYamlResolver();
        PyYamlResolver everywhere = new PyYamlResolver();
        everywhere.addImplicitResolver(Tag.NULL, Resolver.EMPTY, null, 10);
        List<String> scalars = new ArrayList<>(DumpedYamlReaderTest.LOOKALIKES);
        String alphabet = "\0 \n~nNyYtTfFoO-+.0123456789:_<=eExXbB";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            scalars.add(text.toString());
        }
        for (String scalar : scalars) {
            for (boolean implicit : new boolean[] {true, false}) {
                Tag expected = everywhere.resolve(NodeId.scalar, scalar, implicit);
                assertEquals(expected, resolver.resolve(NodeId.scalar, scalar, implicit), () -> "'" + scalar + "'");
            }
        }
    }
}
