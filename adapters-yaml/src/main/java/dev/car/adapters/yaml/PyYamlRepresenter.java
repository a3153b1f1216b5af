package dev.car.adapters.yaml;

import java.math.BigDecimal;
import java.util.UUID;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes values the way PyYAML's {@code safe_dump} does, and only values that load back unchanged:
 * plain Java maps, lists, sets, strings, numbers, booleans, null, byte arrays and {@link YamlTimestamp}.
 * Anything else (Java beans, enums, UUIDs) is refused instead of being written with a Java tag.
 */
final class PyYamlRepresenter extends Representer {

    PyYamlRepresenter(DumperOptions options) {
        super(options);
        Represent text = this::representText;
        representers.put(String.class, text);
        representers.put(Character.class, text);
        Represent floating = data -> representScalar(Tag.FLOAT, pythonFloat(((Number) data).doubleValue()));
        representers.put(Double.class, floating);
        representers.put(Float.class, floating);
        representers.put(YamlTimestamp.class, data -> representScalar(Tag.TIMESTAMP, ((YamlTimestamp) data).text()));
        representers.remove(UUID.class);
        multiRepresenters.remove(Enum.class);
        representers.put(null, data -> {
            throw new YAMLException("cannot store a value of type " + data.getClass().getName());
        });
    }

    /**
     * The emitter quotes a plain-requested string when it would re-read as another type or starts
     * with an indicator. Line breaks, tabs, control characters and a few Unicode separators are only
     * lossless as escapes, which only double quotes have (in plain, single-quoted or literal style a
     * {@code \r}, {@code \u0085} or {@code \u2028} comes back as {@code \n}).
     */
    private Node representText(Object data) {
        String value = data.toString();
        ScalarStyle style = needsEscapes(value) ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN;
        return representScalar(Tag.STR, value, style);
    }

    /**
     * Whether the string needs double quotes. A lone surrogate is refused: it is not Unicode text,
     * cannot be stored as UTF-8, and SnakeYAML's escaping pairs it with the next character.
     */
    static boolean needsEscapes(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                throw new YAMLException("text with an unpaired surrogate character (not valid Unicode)");
            }
            if (!isOrdinaryText(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * A code point that YAML reads back as itself outside double quotes: printable, and neither a
     * line break (U+0085, U+2028, U+2029), a BOM nor a control character. Surrogates are not code
     * points of text and are not ordinary.
     */
    static boolean isOrdinaryText(int cp) {
        return (cp >= 0x20 && cp <= 0x7E)
                || (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029)
                || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF)
                || cp >= 0x10000;
    }

    /**
     * Python's {@code repr(float)} as PyYAML writes it: shortest digits, exponent form below 1e-4 or
     * from 1e16 on, and always a dot ({@code 1.0e+16}) so YAML 1.1 reads it back as a float.
     */
    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        String exponentDigits = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
    }
}
