package dev.car.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hot path builds its commands without Guice; these tests keep that wiring identical to the one
 * {@link CarModule} binds, object for object, so the two cannot drift apart.
 */
class HotPathCommandsTest {

    @Test
    void everyHotPathCommandHasTheObjectGraphGuiceBuilds() {
        Injector injector = CarApplication.injector(new CarModule());
        List<Class<?>> hot = CarModule.COMMANDS.stream().filter(type -> new HotPathCommands().create(type) != null).toList();
        assertEquals(8, hot.size(), "init, repo add/list, destination show/set/unset/wrap, exec: " + hot);
        for (Class<?> command : hot) {
            String guice = describe(injector.getInstance(command));
            String explicit = describe(new HotPathCommands().create(command));
            assertEquals(guice, explicit, command.getSimpleName());
            assertTrue(guice.contains("dev.car.application."), "the description reaches the use cases: " + guice);
        }
    }

    @Test
    void commandsOutsideTheHotPathAreLeftToGuice() {
        HotPathCommands hotPath = new HotPathCommands();
        assertNull(hotPath.create(dev.car.adapters.cli.command.DoctorCommand.class));
    }

    @Test
    void theDescriptionTellsDifferentWiringsApart() {
        record Leaf(String name) {
        }
        record Pair(Leaf left, Leaf right) {
        }
        Leaf shared = new Leaf("x");
        assertFalse(describe(new Pair(shared, shared)).equals(describe(new Pair(new Leaf("x"), new Leaf("x")))),
                "sharing one instance is part of the graph");
        assertFalse(describe(new Pair(shared, null)).equals(describe(new Pair(shared, shared))));
    }

    /**
     * The object graph below {@code root} as text: the class of every object of ours, its fields in
     * order, and which objects are shared (by first-visit number). JDK and library objects are named only.
     */
    static String describe(Object root) {
        StringBuilder out = new StringBuilder();
        describe(root, new IdentityHashMap<>(), out, 0);
        return out.toString();
    }

    private static void describe(Object value, Map<Object, Integer> seen, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
            return;
        }
        Class<?> type = value.getClass();
        String name = type.isSynthetic() || type.isHidden() ? type.getName().replaceAll("/0x[0-9a-f]+$", "") : type.getName();
        if (!name.startsWith("dev.car.") || value instanceof Enum<?> || depth > 12) {
            out.append(name);
            return;
        }
        Integer known = seen.get(value);
        if (known != null) {
            out.append('#').append(known);
            return;
        }
        seen.put(value, seen.size());
        out.append(name).append('#').append(seen.get(value)).append('{');
        for (Field field : fields(type)) {
            field.setAccessible(true);
            out.append(field.getName()).append('=');
            try {
                describe(field.get(value), seen, out, depth + 1);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            out.append(';');
        }
        out.append('}');
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
