package dev.car.domain;

import dev.car.domain.text.Py;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Seeded generators of raw (YAML/JSON-like) values for property tests. */
public final class RandomRaw {
    private RandomRaw() {
    }

    private static final String TOKEN_CHARS = "abcXYZ019_-./:@*?[]!$ {}'\"\\é漢\u00a0\t";
    private static final List<String> KEY_POOL = List.of("kind", "image", "container_name", "mounts", "env_passthrough",
            "workdir", "profile", "env", " image ", "kind ", "extra", "readOnly", "envPassthrough", "source", "target",
            "read_only", "readonly", "", " ");
    private static final List<Object> KIND_POOL = new ArrayList<>(List.of("docker", "DOCKER", " Docker ", "local", " LOCAL",
            "ssh", "", " ", 5, true));

    static {
        KIND_POOL.add(null);
    }

    /** A non-empty string that Python's strip() leaves unchanged. */
    public static String token(Random random) {
        while (true) {
            StringBuilder out = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                out.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
            }
            String s = out.toString();
            if (Py.strip(s).equals(s)) {
                return s;
            }
        }
    }

    public static String anyString(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> " " + token(random) + "\u3000";
            default -> token(random);
        };
    }

    /** Any value a YAML or JSON load could produce, nested up to {@code depth}. */
    public static Object rawValue(Random random, int depth) {
        int pick = random.nextInt(depth <= 0 ? 7 : 9);
        switch (pick) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt(5) - 2;
            case 3:
                return random.nextLong();
            case 4:
                return random.nextInt(3) == 0 ? Double.NaN : random.nextDouble() * 10;
            case 5:
            case 6:
                return anyString(random);
            case 7: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(rawValue(random, depth - 1));
                }
                return list;
            }
            default: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    Object key = random.nextInt(4) == 0 ? rawValue(random, 0) : KEY_POOL.get(random.nextInt(KEY_POOL.size()));
                    map.put(key, rawValue(random, depth - 1));
                }
                return map;
            }
        }
    }

    /** A destination-shaped raw value: often valid, often subtly broken. */
    public static Object rawDestination(Random random) {
        if (random.nextInt(10) == 0) {
            return rawValue(random, 3);
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of("kind", "image", "container_name", "mounts", "env_passthrough",
                "workdir", "profile", "env", "x-extra", "readOnly"));
        Collections.shuffle(keys, random);
        for (String key : keys) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            Object value = switch (key) {
                case "kind" -> KIND_POOL.get(random.nextInt(KIND_POOL.size()));
                case "mounts" -> random.nextBoolean() ? rawMounts(random) : rawValue(random, 2);
                case "env_passthrough" -> random.nextBoolean() ? randomList(random, () -> anyString(random)) : rawValue(random, 2);
                case "env" -> random.nextBoolean() ? rawEnv(random) : rawValue(random, 2);
                case "profile" -> random.nextBoolean() ? " Full-DEV " : rawValue(random, 1);
                default -> random.nextBoolean() ? anyString(random) : rawValue(random, 2);
            };
            map.put(random.nextInt(8) == 0 ? " " + key : key, value);
        }
        return map;
    }

    private static Object rawMounts(Random random) {
        return randomList(random, () -> {
            Map<Object, Object> mount = new LinkedHashMap<>();
            mount.put("source", random.nextInt(5) == 0 ? rawValue(random, 0) : anyString(random));
            mount.put("target", random.nextInt(5) == 0 ? rawValue(random, 0) : anyString(random));
            String flag = List.of("read_only", "readOnly", "readonly", "mode").get(random.nextInt(4));
            mount.put(flag, random.nextInt(4) == 0 ? rawValue(random, 0) : random.nextBoolean());
            return mount;
        });
    }

    private static Object rawEnv(Random random) {
        Map<Object, Object> env = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            env.put(random.nextInt(6) == 0 ? rawValue(random, 0) : anyString(random),
                    random.nextInt(6) == 0 ? rawValue(random, 0) : anyString(random));
        }
        return env;
    }

    private static List<Object> randomList(Random random, Supplier<Object> item) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(item.get());
        }
        return list;
    }
}
