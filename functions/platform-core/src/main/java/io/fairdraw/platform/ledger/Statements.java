package io.fairdraw.platform.ledger;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.ledger.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An account's postings, newest first, a page at a time. The cursor is opaque to clients: it
 * names only a position inside the account being read, so a forged cursor can at worst skip
 * within the caller's own statement, never reach another account.
 */
@ApplicationScoped
public class Statements {
    public static final int MAX_PAGE_SIZE = 100;
    private static final String CURSOR_VERSION = "v1:";
    private static final Pattern SORT_KEY = Pattern.compile("[0-9]{15}#tr_[0-9a-f]{40}");

    /** One page and the cursor of the next, if there is one. */
    public record Page(List<Posting> postings, Optional<String> next) {
    }

    private final Ledger ledger;

    public Statements(Ledger ledger) {
        this.ledger = ledger;
    }

    public Page page(AccountId account, Optional<String> cursor, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw io.fairdraw.model.error.ValidationException.of("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Optional<String> after = cursor.map(Statements::decode);
        QueryResponse response = ledger.dynamo().query(b -> {
            b.tableName(ledger.postingsTable())
                    .keyConditionExpression("#pk = :account")
                    .expressionAttributeNames(Map.of("#pk", LedgerItems.PK))
                    .expressionAttributeValues(Map.of(":account", AttributeValue.fromS(account.value())))
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .limit(size);
            after.ifPresent(sk -> {
                Map<String, AttributeValue> start = new HashMap<>();
                start.put(LedgerItems.PK, AttributeValue.fromS(account.value()));
                start.put(LedgerItems.SK, AttributeValue.fromS(sk));
                b.exclusiveStartKey(start);
            });
        });
        List<Posting> postings = response.items().stream().map(LedgerItems::posting).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encode(response.lastEvaluatedKey().get(LedgerItems.SK).s()))
                : Optional.empty();
        return new Page(postings, next);
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_VERSION + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_VERSION) && SORT_KEY.matcher(text.substring(CURSOR_VERSION.length())).matches()) {
                return text.substring(CURSOR_VERSION.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // Falls through to the refusal below.
        }
        throw new DomainException(ErrorType.INVALID_CURSOR, "use the cursor a previous page returned");
    }
}
