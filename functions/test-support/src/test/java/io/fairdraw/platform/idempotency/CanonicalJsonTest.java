package io.fairdraw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors from RFC 8785 (JSON Canonicalization Scheme), sections 3.2.2, 3.2.3 and appendix B. */
class CanonicalJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRfcSampleCanonicalises() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(CanonicalJson.write(json.readTree(input))).isEqualTo(expected);
    }

    @Test
    void membersAreSortedByUtf16CodeUnits() throws Exception {
        String input = """
                {"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",
                 "1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control",
                 "\\u00f6":"Latin Small Letter O With Diaeresis"}""";
        String canonical = CanonicalJson.write(json.readTree(input));
        assertThat(canonical).startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\"");
        assertThat(canonical.indexOf("\u20ac")).isLessThan(canonical.indexOf("\ud83d\ude00"));
        assertThat(canonical.indexOf("\ud83d\ude00")).isLessThan(canonical.indexOf("\ufb33"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0", "-0, 0", "1, 1", "-1, -1", "4.50, 4.5", "2e-3, 0.002", "1E30, 1e+30", "1e21, 1e+21", "1e20, 100000000000000000000",
        "0.000001, 0.000001", "0.0000001, 1e-7", "9007199254740992, 9007199254740992", "-5e-324, -5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "123456789012345680000, 123456789012345680000",
        "0.1, 0.1", "100, 100", "150000, 150000"})
    void numbersAreWrittenAsEcmaScriptWritesThem(String literal, String expected) throws Exception {
        assertThat(CanonicalJson.write(json.readTree(literal))).isEqualTo(expected);
    }

    @Test
    void theSameRequestWrittenTwoWaysHasOneFingerprint() throws Exception {
        String compact = "{\"stake\":{\"amount\":150000,\"currency\":\"IDR\"},\"lines\":[{\"selection\":\"1234\"}]}";
        String pretty = """
                {
                  "lines" : [ { "selection" : "1234" } ],
                  "stake" : { "currency" : "IDR", "amount" : 1.5e5 }
                }""";
        assertThat(RequestFingerprint.of(json.readTree(pretty))).isEqualTo(RequestFingerprint.of(json.readTree(compact)));
        assertThat(RequestFingerprint.of(json.readTree(compact.replace("1234", "1235"))))
                .isNotEqualTo(RequestFingerprint.of(json.readTree(compact)));
    }
}
