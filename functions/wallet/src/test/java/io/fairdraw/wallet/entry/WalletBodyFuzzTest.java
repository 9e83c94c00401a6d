package io.fairdraw.wallet.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.StrictJson;
import io.fairdraw.testsupport.UntrustedText;

/**
 * Fuzz target for the deposit and withdrawal bodies, read by the same strict mapper configuration
 * and translated by the same code as the wallet's routes. Any body is malformed JSON (400), a
 * domain refusal with a client status, or an amount that is exactly the JSON integer sent in a
 * real currency; nothing else may escape. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/wallet/entry/WalletBodyFuzzTestInputs.
 */
class WalletBodyFuzzTest {
    private static final ObjectMapper JSON = strict();

    @FuzzTest(maxDuration = "110s")
    void anyDepositOrWithdrawalBodyIsAnExactAmountOrRefused(FuzzedDataProvider data) throws Exception {
        boolean withdrawal = data.consumeBoolean();
        String json = data.consumeRemainingAsString();
        try {
            Money money;
            if (withdrawal) {
                WalletBodies.WithdrawalBody body = Bodies.required(JSON.readValue(json, WalletBodies.WithdrawalBody.class));
                money = body.money();
                body.instrument().ifPresent(id -> assertThat(id.codePointCount(0, id.length())).isBetween(1, 250));
                body.instrument().ifPresent(id -> assertThat(UntrustedText.hasInvisibleCharacter(id)).isFalse());
            } else {
                WalletBodies.DepositBody body = Bodies.required(JSON.readValue(json, WalletBodies.DepositBody.class));
                money = body.money();
                // Lengths are code points, as Checks.text documents: an emoji is one character, not two.
                String provider = body.providerName();
                assertThat(provider.codePointCount(0, provider.length())).isBetween(1, 40);
                assertThat(UntrustedText.hasInvisibleCharacter(provider)).isFalse();
            }
            assertThat(UntrustedText.hasDuplicateField(json)).as("a body naming a field twice was read").isFalse();
            JsonNode sent = new ObjectMapper().readTree(json).get("amount");
            assertThat(sent.get("amount").isIntegralNumber()).isTrue();
            assertThat(sent.get("amount").longValue()).isEqualTo(money.amountMinor());
            assertThat(money.currency().code()).isEqualTo(sent.get("currency").textValue());
        } catch (JsonProcessingException malformed) {
            assertThat(malformed.getOriginalMessage()).isNotNull();
        } catch (DomainException refused) {
            assertThat(refused.type().httpStatus()).isBetween(400, 499);
        }
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
