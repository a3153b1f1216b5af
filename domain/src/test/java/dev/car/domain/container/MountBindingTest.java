package dev.car.domain.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MountBinding writes its equality out; it must stay the record's component equality. */
class MountBindingTest {

    @Test
    void equalExactlyWhenEveryComponentIsEqual() {
        MountBinding binding = new MountBinding("/s", "/t", true);

        assertEquals(binding, new MountBinding("/s", "/t", true));
        assertEquals(binding.hashCode(), new MountBinding("/s", "/t", true).hashCode());
        assertNotEquals(binding, new MountBinding("/x", "/t", true));
        assertNotEquals(binding, new MountBinding("/s", "/x", true));
        assertNotEquals(binding, new MountBinding("/s", "/t", false));
        assertNotEquals(binding, "/s:/t:ro");
        assertEquals(new MountBinding(null, null, false), new MountBinding(null, null, false));
        assertEquals(1, new LinkedHashSet<>(List.of(binding, new MountBinding("/s", "/t", true))).size());
    }
}
