package io.fairdraw.backoffice.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.backoffice.store.CorrectionRow;
import io.fairdraw.backoffice.store.PersonalData;
import io.fairdraw.backoffice.store.PersonalRecord;
import io.fairdraw.backoffice.store.PlayerKey;
import io.fairdraw.backoffice.store.PlayerRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.backoffice.store.TransferRow;
import io.fairdraw.model.validation.Checks;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.config.ConfigKind;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.GatewayRequests;
import io.fairdraw.platform.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The back office. Reads (reports, reconciliation, the audit trail) admit operators and
 * auditors; every change admits operators only, so an auditor is refused every mutation with 403.
 * No route here acts as a player, and no player route admits an operator.
 */
@Path("/v1/backoffice")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class BackOfficeResource {
    /** The most audit entries one CSV export holds; a larger range must be split. */
    static final int MAX_EXPORT_ROWS = 50_000;

    @Inject
    Reporting reporting;

    @Inject
    Reports reports;

    @Inject
    Corrections corrections;

    @Inject
    Erasures erasures;

    @Inject
    PersonalData personalData;

    @Inject
    WithdrawalReviews reviews;

    @Inject
    io.fairdraw.backoffice.store.Alerts alerts;

    @Inject
    AlertRules alertRules;

    @Inject
    ConfigChanges configChanges;

    @Inject
    DrawVerifications verifications;

    @Inject
    BalanceReturns balanceReturns;

    @Inject
    AlertCases alertCases;

    @Inject
    CurrentCaller caller;

    @Inject
    APIGatewayV2HTTPEvent event;

    @GET
    @Path("/reports/draws/{drawId}")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A draw's tickets, sales, refunds, winnings paid and gross gaming revenue")
    public Reports.DrawReport drawReport(@PathParam("drawId") String drawId) {
        String id = Filters.id("drawId", drawId);
        return reporting.read(() -> reports.draw(id))
                .orElseThrow(() -> new DomainException(ErrorType.DRAW_NOT_FOUND, "no draw " + id + " in the reporting store"));
    }

    @GET
    @Path("/reports/draws/{drawId}/exposures")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A draw's top exposures: selections by what they would pay out if they won, against their limits")
    public BackOfficeViews.ExposureList exposures(@PathParam("drawId") String drawId, @QueryParam("limit") String limit) {
        String id = Filters.id("drawId", drawId);
        int size = Filters.limit(limit, 20);
        List<Reports.Exposure> exposures = reporting.read(() -> reports.exposures(id, size));
        if (exposures.isEmpty() && reporting.read(() -> io.fairdraw.backoffice.store.DrawRow.findById(id)) == null) {
            throw new DomainException(ErrorType.DRAW_NOT_FOUND, "no draw " + id + " in the reporting store");
        }
        return new BackOfficeViews.ExposureList(id, exposures);
    }

    @GET
    @Path("/reports/draws/{drawId}/verification")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A draw's verification, recomputed: seal header, sealed stakes against the ledger, commitment, "
            + "beacon randomness and numbers")
    @APIResponse(responseCode = "404", description = "No such draw (DRAW_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DrawVerifications.Verification verification(@PathParam("drawId") String drawId) {
        return verifications.of(Filters.id("drawId", drawId));
    }

    @GET
    @Path("/reports/days")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Deposits, withdrawals paid, stakes, refunds, winnings and GGR per UTC day and currency, at most 92 days")
    public BackOfficeViews.DaysView days(@QueryParam("from") String from, @QueryParam("to") String to) {
        Filters.DayRange range = Filters.days(from, to);
        return new BackOfficeViews.DaysView(range.from(), range.to(), reporting.read(() -> reports.days(range.from(), range.to())));
    }

    @GET
    @Path("/reconciliation")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The books per currency from the journal: the signed sum (zero), totals by account type, breaches")
    public BackOfficeViews.ReconciliationView reconciliation() {
        return BackOfficeViews.ReconciliationView.of(reporting.read(reports::reconciliation));
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The audit trail in time order: who changed what, when, from which request; by player, draw and time range")
    public BackOfficeViews.AuditPage audit(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("player") String player, @QueryParam("draw") String draw, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Reports.AuditFilter filter = Filters.audit(from, to, player, draw);
        Optional<Reports.AuditCursor> after = Filters.cursor(cursor);
        int size = Filters.limit(limit, 100);
        Reports.Page<io.fairdraw.backoffice.store.AuditEntry> page = reporting.read(() -> reports.audit(filter, after, size));
        return new BackOfficeViews.AuditPage(page.items().stream().map(BackOfficeViews.AuditView::of).toList(),
                page.next().map(Filters::cursor).orElse(null));
    }

    @GET
    @Path("/audit/export")
    @Produces("text/csv")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The audit trail of a range as CSV (at most 50,000 entries; split a larger range)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = "text/csv"))
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("player") String player,
            @QueryParam("draw") String draw) {
        Reports.AuditFilter filter = Filters.audit(from, to, player, draw);
        List<BackOfficeViews.AuditView> rows = new ArrayList<>();
        Optional<Reports.AuditCursor> after = Optional.empty();
        do {
            Optional<Reports.AuditCursor> current = after;
            Reports.Page<io.fairdraw.backoffice.store.AuditEntry> page = reporting.read(() -> reports.audit(filter, current, Reports.MAX_PAGE));
            page.items().forEach(e -> rows.add(BackOfficeViews.AuditView.of(e)));
            after = page.next();
            if (rows.size() > MAX_EXPORT_ROWS) {
                throw ValidationException.of("to", "the range holds more than " + MAX_EXPORT_ROWS + " entries; export it in parts");
            }
        } while (after.isPresent());
        return Response.ok(Csv.audit(rows), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Suspicious-activity alerts arising in a range (at most 31 days): deposit velocity, withdrawal "
            + "without play, one instrument behind many accounts")
    public BackOfficeViews.AlertList alerts(@QueryParam("from") String from, @QueryParam("to") String to) {
        Filters.TimeRange range = Filters.range(from, to);
        List<io.fairdraw.backoffice.store.Alerts.Alert> found = reporting.read(() -> alerts.between(range.from(), range.to(), alertRules.rules()));
        var cases = alertCases.of(found.stream().map(io.fairdraw.backoffice.store.Alerts.Alert::id).toList());
        return new BackOfficeViews.AlertList(found.stream().map(a -> BackOfficeViews.AlertView.of(a, cases.get(a.id()))).toList());
    }

    @POST
    @Path("/alerts/{id}/assignment")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Take an alert's case (or take it over from another operator)")
    @APIResponse(responseCode = "409", description = "The case is closed (ALREADY_DECIDED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.AlertCaseView assignAlert(@PathParam("id") String id) {
        return BackOfficeViews.AlertCaseView.of(alertCases.assign(Filters.id("id", id), operator(), requestId()));
    }

    @POST
    @Path("/alerts/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Close an alert's case: CLEARED (explained) or REPORTED (a suspicious-activity report was filed), with the reason")
    @APIResponse(responseCode = "409", description = "Already closed (ALREADY_DECIDED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.AlertCaseView closeAlert(@PathParam("id") String id, BackOfficeViews.AlertClosureBody body) {
        BackOfficeViews.AlertClosureBody closure = Bodies.required(body);
        io.fairdraw.model.validation.Validation validation = new io.fairdraw.model.validation.Validation();
        io.fairdraw.backoffice.store.AlertCase.Outcome outcome = validation.field("outcome",
                () -> Filters.status(io.fairdraw.backoffice.store.AlertCase.Outcome.class, Checks.text(closure.outcome(), "outcome", 20), null));
        String note = validation.field("note", () -> Checks.text(closure.note(), "note", 500));
        validation.throwIfInvalid();
        return BackOfficeViews.AlertCaseView.of(alertCases.close(Filters.id("id", id), outcome, note, operator(), requestId()));
    }

    @GET
    @Path("/players/{playerId}")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Player support view: account state, personal data while it is kept, the latest 50 transfers")
    public BackOfficeViews.PlayerView player(@PathParam("playerId") String playerId) {
        String id = Filters.id("playerId", playerId);
        return reporting.read(() -> PlayerRow.<PlayerRow>findById(id).chain(player -> {
            if (player == null) {
                throw new DomainException(ErrorType.NOT_FOUND, "no player " + id);
            }
            return PlayerKey.<PlayerKey>findById(id).chain(key -> PersonalRecord.<PersonalRecord>findById(id)
                    .chain(sealed -> TransferRow.<TransferRow>find("playerId = ?1 order by at desc, id", id).range(0, 49).list()
                            .map(transfers -> {
                                Optional<PersonalData.Personal> personal = key == null || sealed == null
                                        ? Optional.empty()
                                        : personalData.open(id, key.wrappedKey, sealed.sealed);
                                return new BackOfficeViews.PlayerView(id, player.status, player.kyc, player.country, player.subdivision,
                                        player.registeredAt, personal.orElse(null), key != null && key.erasedAt != null,
                                        transfers.stream().map(BackOfficeViews.TransferView::of).toList());
                            })));
        }));
    }

    @POST
    @Path("/players/{playerId}/erasure")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Erase a closed account's personal data by destroying its data key (after the retention period)")
    @APIResponse(responseCode = "409", description = "Not closed, or still within retention (ERASURE_NOT_ALLOWED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.ErasureView erase(@PathParam("playerId") String playerId) {
        PlayerKey key = erasures.erase(Filters.id("playerId", playerId), operator());
        return new BackOfficeViews.ErasureView(key.playerId, key.erasedAt, key.erasedBy);
    }

    @POST
    @Path("/players/{playerId}/balance-return")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Return a closed account's whole balance to its latest deposit instrument, as a withdrawal payout then pays")
    @APIResponse(responseCode = "409", description = "Not closed (STANDING_CONFLICT), or no deposit instrument (NO_DEPOSIT_INSTRUMENT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Nothing to return (INSUFFICIENT_FUNDS)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.WithdrawalView returnBalance(@PathParam("playerId") String playerId) {
        io.fairdraw.model.id.PlayerId player = new io.fairdraw.model.id.PlayerId(Filters.id("playerId", playerId));
        return BackOfficeViews.WithdrawalView.of(balanceReturns.returnBalance(player, stamp()));
    }

    @GET
    @Path("/corrections")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Correcting transfers in one status (PROPOSED by default), oldest first")
    public BackOfficeViews.CorrectionList corrections(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        CorrectionRow.Status wanted = Filters.status(CorrectionRow.Status.class, status, CorrectionRow.Status.PROPOSED);
        return new BackOfficeViews.CorrectionList(corrections.list(wanted, Filters.limit(limit, 100)).stream()
                .map(BackOfficeViews.CorrectionView::of).toList());
    }

    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Propose a correcting transfer; a different operator must approve it before money moves")
    @APIResponse(responseCode = "201", description = "Proposed")
    public Response propose(BackOfficeViews.CorrectionBody body) {
        BackOfficeViews.CorrectionBody proposal = Bodies.required(body);
        io.fairdraw.model.validation.Validation validation = new io.fairdraw.model.validation.Validation();
        AccountId debit = validation.field("debit", () -> new AccountId(proposal.debit()));
        AccountId credit = validation.field("credit", () -> new AccountId(proposal.credit()));
        Money amount = validation.field("amount", () -> Money.of(Checks.present(proposal.amount(), "amount"), proposal.currency()));
        String reason = validation.field("reason", () -> Checks.text(proposal.reason(), "reason", 500));
        validation.throwIfInvalid();
        CorrectionRow row = corrections.propose(debit, credit, amount, reason, operator(), requestId());
        return Response.status(Response.Status.CREATED).entity(BackOfficeViews.CorrectionView.of(row)).build();
    }

    @POST
    @Path("/corrections/{id}/approval")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Approve a correction proposed by another operator; it is applied to the ledger at once, exactly once")
    @APIResponse(responseCode = "403", description = "The proposer cannot approve (FOUR_EYES_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.CorrectionView approve(@PathParam("id") String id) {
        return BackOfficeViews.CorrectionView.of(corrections.approve(Filters.id("id", id), operator(), requestId()));
    }

    @POST
    @Path("/corrections/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Reject a correction proposed by another operator, with a reason")
    public BackOfficeViews.CorrectionView reject(@PathParam("id") String id, BackOfficeViews.DecisionBody body) {
        String note = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.CorrectionView.of(corrections.reject(Filters.id("id", id), operator(), requestId(), note));
    }

    @GET
    @Path("/withdrawals")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Withdrawals by status (REVIEW by default: the review queue), oldest first")
    public BackOfficeViews.WithdrawalList withdrawals(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        String wanted = Filters.status(Withdrawal.Status.class, status, Withdrawal.Status.REVIEW).name();
        return new BackOfficeViews.WithdrawalList(reviews.queue(wanted, Filters.limit(limit, 100)).stream()
                .map(BackOfficeViews.WithdrawalView::of).toList());
    }

    @POST
    @Path("/withdrawals/{id}/approval")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Release a withdrawal held for review; payout then pays it")
    @APIResponse(responseCode = "409", description = "Not in review (ALREADY_DECIDED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.WithdrawalView approveWithdrawal(@PathParam("id") String id) {
        return BackOfficeViews.WithdrawalView.of(reviews.approve(Filters.id("id", id), stamp()));
    }

    @POST
    @Path("/withdrawals/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Reject a withdrawal held for review, with a reason; the amount goes back to the wallet")
    public BackOfficeViews.WithdrawalView rejectWithdrawal(@PathParam("id") String id, BackOfficeViews.DecisionBody body) {
        String reason = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.WithdrawalView.of(reviews.reject(Filters.id("id", id), reason, stamp()));
    }

    @GET
    @Path("/config/{kind}")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A catalogue under change control (games or jurisdictions): the version in force and every version proposed")
    public BackOfficeViews.ConfigOverview config(@PathParam("kind") String kind) {
        return BackOfficeViews.ConfigOverview.of(configChanges.overview(kind(kind)));
    }

    @GET
    @Path("/config/{kind}/versions/{version}")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "One catalogue version with its document, proposer, approver and reasons")
    public BackOfficeViews.ConfigVersionView configVersion(@PathParam("kind") String kind, @PathParam("version") String version) {
        return BackOfficeViews.ConfigVersionView.of(configChanges.find(kind(kind), version(version)), true);
    }

    @POST
    @Path("/config/{kind}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Propose a new catalogue version, in force from a stated time once another operator approves it")
    @APIResponse(responseCode = "201", description = "Proposed")
    @APIResponse(responseCode = "422", description = "It would change the games offered, a currency, a schedule or a lotto range "
            + "(CONFIG_CHANGE_REFUSED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response proposeConfig(@PathParam("kind") String kind, BackOfficeViews.ConfigChangeBody body) {
        ConfigKind which = kind(kind);
        BackOfficeViews.ConfigChangeBody change = Bodies.required(body);
        io.fairdraw.model.validation.Validation validation = new io.fairdraw.model.validation.Validation();
        com.fasterxml.jackson.databind.JsonNode document = validation.field("document", () -> {
            if (change.document() == null || !change.document().isObject()) {
                throw io.fairdraw.model.error.ValidationException.of("document", "must be the catalogue as a JSON object");
            }
            return change.document();
        });
        Instant effectiveFrom = validation.field("effectiveFrom", () -> Filters.instant("effectiveFrom", change.effectiveFrom()));
        String reason = validation.field("reason", () -> Checks.text(change.reason(), "reason", 500));
        validation.throwIfInvalid();
        var proposed = configChanges.propose(which, document, effectiveFrom, reason, stamp());
        return Response.status(Response.Status.CREATED).entity(BackOfficeViews.ConfigVersionView.of(proposed, false)).build();
    }

    @POST
    @Path("/config/{kind}/versions/{version}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Approve a catalogue version another operator proposed, before its effective time")
    @APIResponse(responseCode = "403", description = "The proposer cannot approve (FOUR_EYES_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already decided (ALREADY_DECIDED), or its effective time passed (EFFECTIVE_TIME_PASSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.ConfigVersionView approveConfig(@PathParam("kind") String kind, @PathParam("version") String version,
            BackOfficeViews.DecisionBody body) {
        String note = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.ConfigVersionView.of(configChanges.approve(kind(kind), version(version), note, stamp()), false);
    }

    @POST
    @Path("/config/{kind}/versions/{version}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Reject (or, as its proposer, withdraw) a proposed catalogue version, with a reason")
    public BackOfficeViews.ConfigVersionView rejectConfig(@PathParam("kind") String kind, @PathParam("version") String version,
            BackOfficeViews.DecisionBody body) {
        String note = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.ConfigVersionView.of(configChanges.reject(kind(kind), version(version), note, stamp()), false);
    }

    private static ConfigKind kind(String kind) {
        return ConfigKind.of(kind == null ? "" : kind)
                .orElseThrow(() -> new io.fairdraw.model.error.DomainException(io.fairdraw.model.error.ErrorType.NOT_FOUND,
                        "no catalogue " + kind + "; games or jurisdictions"));
    }

    private static int version(String version) {
        try {
            int parsed = Integer.parseInt(version);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw io.fairdraw.model.error.ValidationException.of("version", "must be a whole number from 1");
    }

    private io.fairdraw.platform.dynamo.AuditStamp stamp() {
        return new io.fairdraw.platform.dynamo.AuditStamp(operator(), GatewayRequests.requestId(event));
    }

    /** The operator as recorded on what they do: their subject at the staff identity provider. */
    private String operator() {
        return caller.get().actor();
    }

    private String requestId() {
        return GatewayRequests.requestId(event).value();
    }
}
