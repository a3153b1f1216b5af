package dev.car.domain.text;

import static dev.car.domain.Raw.list;
import static dev.car.domain.Raw.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyTest {

    /** Every code point of the BMP for which CPython 3.11 {@code str.isspace()} is true. */
    private static final Set<Integer> PYTHON_WHITESPACE = Set.of(
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
            0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
            0x2028, 0x2029, 0x202f, 0x205f, 0x3000);

    @Nested
    class Strip {
        @Test
        void isSpaceMatchesPythonForEveryBmpChar() {
            List<String> wrong = new ArrayList<>();
            for (int c = 0; c <= 0xFFFF; c++) {
                if (Py.isSpace((char) c) != PYTHON_WHITESPACE.contains(c)) {
                    wrong.add(Integer.toHexString(c));
                }
            }
            assertEquals(List.of(), wrong);
        }

        @Test
        void stripsAsciiWhitespace() {
            assertEquals("a b", Py.strip(" \t\n\r\u000b\u000ca b \t\n"));
        }

        @Test
        void stripsUnicodeWhitespace() {
            assertEquals("x", Py.strip("\u00a0\u3000\u2007\u202f\u0085\u1680\u2028\u2029\u205fx\u00a0\u2003\u001c"));
        }

        @Test
        void keepsCharsPythonDoesNotConsiderWhitespace() {
            assertEquals("\u200bx\ufeff", Py.strip("\u200bx\ufeff"));
            assertEquals("\u180ex", Py.strip("\u180ex"));
        }

        @Test
        void keepsInnerWhitespaceAndHandlesEmpty() {
            assertEquals("a \u00a0 b", Py.strip("  a \u00a0 b  "));
            assertEquals("", Py.strip(""));
            assertEquals("", Py.strip(" \u3000 "));
        }

        @Test
        void blankAndNonBlankString() {
            assertTrue(Py.isBlank(""));
            assertTrue(Py.isBlank("\u00a0\t"));
            assertFalse(Py.isBlank(" x "));
            assertEquals("x", Py.nonBlankString(" x\u3000"));
            assertNull(Py.nonBlankString("  "));
            assertNull(Py.nonBlankString(null));
            assertNull(Py.nonBlankString(5));
            assertNull(Py.nonBlankString(list("a")));
        }
    }

    @Nested
    class Truthiness {
        @Test
        void falsyValues() {
            for (Object value : list(null, false, 0, 0L, 0.0, -0.0, BigInteger.ZERO, "", list(), map())) {
                assertFalse(Py.truthy(value), () -> "expected falsy: " + value);
            }
        }

        @Test
        void truthyValuesIncludingTheStringFalse() {
            for (Object value : list(true, 1, -1L, 0.5, Double.NaN, BigInteger.TEN, "false", "0", " ",
                    list((Object) null), map("a", null))) {
                assertTrue(Py.truthy(value), () -> "expected truthy: " + value);
            }
        }
    }

    @Nested
    class Repr {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "ssh|'ssh'",
                "KEY|'KEY'",
                "``|''",
                "it's|\"it's\"",
                "say \"hi\"|'say \"hi\"'",
                "both ' and \"|'both \\' and \"'",
                "back\\slash|'back\\\\slash'",
                "é|'é'",
        })
        void quotesAndEscapes(String value, String expected) {
            assertEquals(expected, Py.repr(value));
        }

        @Test
        void controlCharsAreEscaped() {
            assertEquals("'tab\\there'", Py.repr("tab\there"));
            assertEquals("'nl\\n'", Py.repr("nl\n"));
            assertEquals("'cr\\r'", Py.repr("cr\r"));
            assertEquals("'\\x00\\x7f\\x85\\xa0'", Py.repr("\u0000\u007f\u0085\u00a0"));
            assertEquals("'\\u200b\\u2028'", Py.repr("\u200b\u2028"));
            assertEquals("'\\ud800'", Py.repr("\ud800"));
        }

        @Test
        void printableSupplementaryCharsAreKept() {
            assertEquals("'\uD83D\uDE00'", Py.repr("\uD83D\uDE00"));
        }

        @Test
        void doubleQuotedStringEscapesOnlyBackslash() {
            assertEquals("\"it's a \\\\ path\"", Py.repr("it's a \\ path"));
        }

        @Test
        void scalarsAndContainers() {
            assertEquals("None", Py.repr(null));
            assertEquals("True", Py.repr(true));
            assertEquals("False", Py.repr(false));
            assertEquals("42", Py.repr(42));
            assertEquals("-7", Py.repr(-7L));
            assertEquals("123456789012345678901234567890", Py.repr(new BigInteger("123456789012345678901234567890")));
            Object nested = map("a", list(1, "x", null), 2, map());
            assertEquals("{'a': [1, 'x', None], 2: {}}", Py.repr(nested));
            assertEquals("[]", Py.repr(list()));
        }

        /** Python float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
        @ParameterizedTest
        @CsvSource({
                "3.0, 3.0",
                "-0.0, -0.0",
                "0.0, 0.0",
                "0.1, 0.1",
                "2.5, 2.5",
                "0.0001, 0.0001",
                "1e-5, 1e-05",
                "1e-10, 1e-10",
                "1e15, 1000000000000000.0",
                "1e16, 1e+16",
                "1.5e20, 1.5e+20",
                "1e22, 1e+22",
                "123456789012345678.0, 1.2345678901234568e+17",
                "2.82879384806159E17, 2.82879384806159e+17",
                "5e-324, 5e-324",
                "-1.25e-7, -1.25e-07",
        })
        void floats(double value, String expected) {
            assertEquals(expected, Py.repr(value));
            assertEquals(expected, Py.str(value));
        }

        @Test
        void specialFloats() {
            assertEquals("nan", Py.repr(Double.NaN));
            assertEquals("inf", Py.repr(Double.POSITIVE_INFINITY));
            assertEquals("-inf", Py.repr(Double.NEGATIVE_INFINITY));
        }
    }

    @Nested
    class CodePointOrder {
        @Test
        void sortsLikePythonSorted() {
            List<String> names = new ArrayList<>(List.of("b", "\ud83d\ude00", "\uffff", "a", "\ue000", "", "ab", "B"));
            names.sort(Py.CODE_POINT_ORDER);
            // sorted(['b', '\U0001F600', '\uffff', 'a', '\ue000', '', 'ab', 'B']) in CPython
            assertEquals(List.of("", "B", "a", "ab", "b", "\ue000", "\uffff", "\ud83d\ude00"), names);
        }

        @Test
        void prefixSortsFirstAndEqualIsZero() {
            assertTrue(Py.CODE_POINT_ORDER.compare("ab", "abc") < 0);
            assertTrue(Py.CODE_POINT_ORDER.compare("abc", "ab") > 0);
            assertEquals(0, Py.CODE_POINT_ORDER.compare("x\ud83d\ude00", "x\ud83d\ude00"));
        }
    }

    @Nested
    class Str {
        @Test
        void stringsAreUnquotedEverythingElseIsRepr() {
            assertEquals("it's", Py.str("it's"));
            assertEquals("None", Py.str(null));
            assertEquals("123", Py.str(123));
            assertEquals("True", Py.str(true));
            assertEquals("3.0", Py.str(3.0));
            assertEquals("['a', 1]", Py.str(list("a", 1)));
            LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
            m.put("k", "v");
            assertEquals("{'k': 'v'}", Py.str(m));
        }

        @Test
        void strOfStringDoesNotEscape() {
            assertEquals("a\nb", Py.str("a\nb"));
            Set<String> seen = new HashSet<>();
            seen.add(Py.str("x"));
            assertTrue(seen.contains("x"));
        }
    }
}
