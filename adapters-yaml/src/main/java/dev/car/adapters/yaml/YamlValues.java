package dev.car.adapters.yaml;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on loaded documents. Documents may share collections through YAML aliases, so both walks
 * remember what they have seen: work stays linear even for alias-heavy files.
 */
final class YamlValues {
    private YamlValues() {
    }

    /** Whether a collection contains itself (YAML allows {@code &a [*a]}); such values cannot be handled safely. */
    static boolean isRecursive(Object document) {
        return isRecursive(document, Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isRecursive(Object value, Set<Object> open, Set<Object> done) {
        if (!(value instanceof Map<?, ?> || value instanceof Collection<?>) || done.contains(value)) {
            return false;
        }
        if (!open.add(value)) {
            return true;
        }
        Iterable<?> children = value instanceof Map<?, ?> map ? concat(map) : (Collection<?>) value;
        for (Object child : children) {
            if (isRecursive(child, open, done)) {
                return true;
            }
        }
        open.remove(value);
        done.add(value);
        return false;
    }

    private static List<Object> concat(Map<?, ?> map) {
        List<Object> all = new ArrayList<>(map.size() * 2);
        map.forEach((k, v) -> {
            all.add(k);
            all.add(v);
        });
        return all;
    }

    /**
     * Whether {@code reloaded} (what a YAML load produced) holds the same values as {@code written}
     * (what was dumped). Stricter than equals where YAML is (key order, int vs float) and looser where
     * only the Java type differs ({@code 5L} reloads as {@code 5}, a char as a string, an array as a list).
     */
    static boolean sameValue(Object written, Object reloaded) {
        return new Comparison().same(written, reloaded);
    }

    private static final class Comparison {
        /** Pairs of collections already found equal; an alias-heavy document compares in linear time. */
        private final Map<Object, Set<Object>> provenEqual = new IdentityHashMap<>();

        boolean same(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            if (a instanceof Number x && b instanceof Number y) {
                return sameNumber(x, y);
            }
            if (a instanceof Character c) {
                a = c.toString();
            }
            if (b instanceof Character c) {
                b = c.toString();
            }
            if (a instanceof byte[] x && b instanceof byte[] y) {
                return Arrays.equals(x, y);
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                return provenEqual(x, y) || sameMap(x, y);
            }
            if (isSequence(a) && isSequence(b) && (a instanceof Set<?>) == (b instanceof Set<?>)) {
                return provenEqual(a, b) || sameSequence(elements(a), elements(b), a, b);
            }
            return a.getClass() == b.getClass() && a.equals(b);
        }

        private boolean provenEqual(Object a, Object b) {
            Set<Object> partners = provenEqual.get(a);
            return partners != null && partners.contains(b);
        }

        private void remember(Object a, Object b) {
            provenEqual.computeIfAbsent(a, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(b);
        }

        private boolean sameMap(Map<?, ?> a, Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> left = a.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> right = b.entrySet().iterator();
            while (left.hasNext()) {
                Map.Entry<?, ?> l = left.next();
                Map.Entry<?, ?> r = right.next();
                if (!same(l.getKey(), r.getKey()) || !same(l.getValue(), r.getValue())) {
                    return false;
                }
            }
            remember(a, b);
            return true;
        }

        private boolean sameSequence(List<?> a, List<?> b, Object originalA, Object originalB) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            remember(originalA, originalB);
            return true;
        }
    }

    private static boolean isSequence(Object value) {
        return value instanceof Collection<?> || (value.getClass().isArray() && !(value instanceof byte[]));
    }

    private static List<?> elements(Object sequence) {
        if (sequence instanceof List<?> list) {
            return list;
        }
        if (sequence instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        int length = Array.getLength(sequence);
        List<Object> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(Array.get(sequence, i));
        }
        return items;
    }

    private static boolean sameNumber(Number a, Number b) {
        boolean integralA = isIntegral(a);
        if (integralA != isIntegral(b)) {
            return false;
        }
        if (integralA) {
            return new BigInteger(a.toString()).equals(new BigInteger(b.toString()));
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isInfinite(x) || Double.isNaN(y) || Double.isInfinite(y)) {
            return Double.compare(x, y) == 0;
        }
        if (x == 0 && y == 0) {
            return Double.compare(x, y) == 0;
        }
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }
}
