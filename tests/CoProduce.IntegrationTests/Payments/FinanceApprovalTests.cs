using System.Net;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Finance;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.IntegrationTests.Payments;

/// <summary>
/// Finance decides on claims against the real database: approve, reject with a reason, or ask a
/// question; segregation of duties refused in plain words; a second approver above the setting;
/// two decisions at once never both saved.
/// </summary>
public sealed class FinanceApprovalTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private readonly PaymentsWorld _world = new(portal.Services);

    private static DateOnly LastMonth => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);

    private static string Problems(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector(".govuk-error-summary__list")?.TextContent.Trim() ?? "(no error summary)";

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int claimId, string decision, string note = "") =>
        client.SubmitFormAsync($"/finance/claims/{claimId}", $"/finance/claims/{claimId}", [new("Decision", decision), new("Note", note)]);

    [Fact]
    public async Task AnotherFinanceOfficer_SeesTheClaimInTheQueue_AndApprovesIt_Audited()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var finance = await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 50m, expenses: [3.20m],
            warningsSeen: "This £50.00 would make your earnings from us £210.00 in the week starting Monday.");
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);

        var queue = await client.GetPageAsync("/finance");
        Assert.Contains(queue.QuerySelectorAll("table a"), a => a.GetAttribute("href") == $"/finance/claims/{id}");
        var page = await client.GetPageAsync($"/finance/claims/{id}");
        Assert.Contains("Olu Organiser", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/claims/{id}/receipts/1", page.QuerySelector("a[href*='/receipts/']")?.GetAttribute("href"));
        Assert.Contains("£210.00 in the week", page.QuerySelector("#warnings-seen")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("£53.20", page.QuerySelector("#claim-total")!.TextContent.Trim());

        var response = await DecideAsync(client, id, ClaimDecisionForm.Approve);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(id)).Status);
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.Claim && e.SubjectId == id.ToString()).ToListAsync());
        var approved = Assert.Single(audit, e => e.Action == AuditActions.ClaimApproved);
        Assert.Equal((finance.UserId, "Submitted; total £53.20", "Approved; total £53.20"), (approved.ByUserId, approved.Before, approved.After));
    }

    [Fact]
    public async Task AnApprovedClaim_IsPutRightByACorrection_WhichAnotherOfficerMustApprove()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var first = await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer);
        var second = await _world.StaffAsync("Sid Second", Roles.FinanceOfficer);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 50m, expenses: [3.20m]);
        using var fay = await PaymentsWorld.SignedInAsync(portal, first);
        await DecideAsync(fay, id, ClaimDecisionForm.Approve);
        var url = $"/finance/claims/{id}/correction";
        Assert.Equal(url, (await fay.GetPageAsync($"/finance/claims/{id}")).QuerySelector("#make-correction")?.GetAttribute("href"));

        var nothing = await fay.SubmitFormAsync(url, url, [new("FeeDifference", ""), new("ExpensesDifference", "0"), new("Reason", "No change")]);
        var notMoney = await fay.SubmitFormAsync(url, url, [new("FeeDifference", "five pounds"), new("Reason", "")]);
        var made = await fay.SubmitFormAsync(url, url, [new("FeeDifference", "-5.00"), new("ExpensesDifference", "1.10"), new("Reason", "Left 15 minutes early; the return bus was 1.10 more")]);

        Assert.Contains("a correction of £0 changes nothing", Problems(await nothing.ReadPageAsync()), StringComparison.Ordinal);
        var problems = Problems(await notMoney.ReadPageAsync());
        Assert.Contains("Enter the difference in the fee in pounds", problems, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for the correction", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var correctionId = int.Parse(made.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var correction = await _world.ClaimAsync(correctionId);
        Assert.Equal((id, ClaimStatus.Submitted, Money.FromPounds(-3.90m)), (correction.CorrectsClaimId, correction.Status, correction.Total));
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(id)).Status);

        // Fay made it, so Sid approves it.
        Assert.Contains("You created this claim", (await fay.GetPageAsync($"/finance/claims/{correctionId}")).QuerySelector("#approval-refusal")!.TextContent, StringComparison.Ordinal);
        using var sid = await PaymentsWorld.SignedInAsync(portal, second);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(sid, correctionId, ClaimDecisionForm.Approve)).StatusCode);
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(correctionId)).Status);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "recorded", "You recorded the attendance this claim pays for, so another finance officer must approve it." },
        { "created", "You created this claim, so another finance officer must approve it." },
        { "on-behalf", "You changed or sent this claim on the claimant's behalf, so another finance officer must approve it." },
        { "claimant", "This claim pays you, so another finance officer must approve it." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task SegregationOfDuties_RefusesTheApproval_InPlainWords(string role, string message)
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var (officer, officerProfile) = await _world.FinanceOfficerWhoIsAlsoAnExpertAsync("Rene Both");
        var place = role == "claimant"
            ? (await _world.AttendedAsync(organiser.UserId, LastMonth, 0, [(officerProfile, officer.UserId)])).Single()
            : (await _world.AttendedAsync(role == "recorded" ? officer.UserId : organiser.UserId, LastMonth, 1)).Single();
        var id = role switch
        {
            "recorded" => await _world.SubmittedClaimAsync(place, officer.UserId, 40m, createdBy: organiser.UserId),
            "created" => await _world.SubmittedClaimAsync(place, organiser.UserId, 40m, createdBy: officer.UserId),
            "on-behalf" => await _world.SubmittedClaimAsync(place, organiser.UserId, 40m, sentBy: officer.UserId),
            _ => await _world.SubmittedClaimAsync(place, organiser.UserId, 40m),
        };
        using var client = await PaymentsWorld.SignedInAsync(portal, officer);

        var page = await client.GetPageAsync($"/finance/claims/{id}");
        Assert.Contains(message, page.QuerySelector("#approval-refusal")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        var response = await DecideAsync(client, id, ClaimDecisionForm.Approve);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Problems(await response.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Submitted, (await _world.ClaimAsync(id)).Status);
    }

    [Fact]
    public async Task AClaimOverTheSetting_NeedsASecondDifferentApprover()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var first = await _world.StaffAsync("Fran First", Roles.FinanceOfficer);
        var second = await _world.StaffAsync("Sol Second", Roles.FinanceOfficer);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 500m, expenses: [0.01m]);
        using var firstClient = await PaymentsWorld.SignedInAsync(portal, first);
        using var secondClient = await PaymentsWorld.SignedInAsync(portal, second);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(firstClient, id, ClaimDecisionForm.Approve)).StatusCode);
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, (await _world.ClaimAsync(id)).Status);
        var again = await DecideAsync(firstClient, id, ClaimDecisionForm.Approve);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("You have approved this claim already. A claim over £500 needs a second, different finance officer to approve it.",
            Problems(await again.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(secondClient, id, ClaimDecisionForm.Approve)).StatusCode);

        var claim = await _world.ClaimAsync(id);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal([first.UserId, second.UserId], claim.Decisions.Where(d => d.Step == ClaimStep.Approved).OrderBy(d => d.Number).Select(d => d.ByUserId));
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenRejects_AndAnApprovedClaimNeverChanges()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var finance = await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer);
        var places = await _world.AttendedAsync(organiser.UserId, LastMonth, 2);
        var rejected = await _world.SubmittedClaimAsync(places[0], organiser.UserId, 40m);
        var approved = await _world.SubmittedClaimAsync(places[1], organiser.UserId, 40m);
        await _world.ApproveAsync(approved, finance.UserId);
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);

        var noReason = await DecideAsync(client, rejected, ClaimDecisionForm.Reject);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("#Note Enter the reason for rejecting this claim", (await noReason.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(client, rejected, ClaimDecisionForm.Reject, "This activity was not one we pay for.")).StatusCode);

        var claim = await _world.ClaimAsync(rejected);
        Assert.Equal((ClaimStatus.Rejected, "This activity was not one we pay for."), (claim.Status, claim.LatestDecision.Note));
        var audit = await _world.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.SubjectId == rejected.ToString() && e.Action == AuditActions.ClaimRejected));
        Assert.Equal(("Submitted; total £40", "Rejected; total £40"), (audit.Before, audit.After));

        // The approved claim has no decision form, and a crafted post is refused.
        var page = await client.GetPageAsync($"/finance/claims/{approved}");
        Assert.Null(page.QuerySelector($"form[action='/finance/claims/{approved}']"));
        using var crafted = new FormUrlEncodedContent([
            new("__RequestVerificationToken", (await client.GetPageAsync($"/finance/claims/{rejected}")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? string.Empty),
            new("Decision", ClaimDecisionForm.Reject), new("Note", "Changed my mind")]);
        var late = await client.PostAsync(new Uri($"/finance/claims/{approved}", UriKind.Relative), crafted);
        Assert.Contains("This claim has been approved already.", Problems(await late.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(approved)).Status);
    }

    [Fact]
    public async Task Query_SendsTheQuestionToTheClaimant_AndAudits()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var finance = await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 40m, expenses: [12.50m]);
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);

        var response = await DecideAsync(client, id, ClaimDecisionForm.Query, "Was the £12.50 for one meal or two?");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClaimStatus.Queried, (await _world.ClaimAsync(id)).Status);
        var (email, audit) = await _world.WithDbAsync(async db => (
            await db.OutboxMessages.SingleAsync(m => m.ExpertProfileId == place.ProfileId),
            await db.AuditEntries.SingleAsync(e => e.SubjectId == id.ToString() && e.Action == AuditActions.ClaimQueried)));
        Assert.Contains("Was the £12.50 for one meal or two?", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/claims/{id}", email.TextBody, StringComparison.Ordinal);
        Assert.NotNull(email.To);
        Assert.Equal(("Submitted; total £52.50", "Queried; total £52.50"), (audit.Before, audit.After));
    }

    [Fact]
    public async Task ADecisionOnAClaimSomeoneDecidedMeanwhile_IsRefusedPlainly_AndThePageShowsItAsItIs()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var slow = await _world.StaffAsync("Sam Slow", Roles.FinanceOfficer);
        var quick = await _world.StaffAsync("Quinn Quick", Roles.FinanceOfficer);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 40m);
        using var slowClient = await PaymentsWorld.SignedInAsync(portal, slow);
        var opened = await slowClient.FormAsBrowserWouldSendAsync($"/finance/claims/{id}", $"/finance/claims/{id}",
            [new("Decision", ClaimDecisionForm.Reject), new("Note", "Not eligible")]);

        await _world.ApproveAsync(id, quick.UserId);
        using var form = new FormUrlEncodedContent(opened);
        var response = await slowClient.PostAsync(new Uri($"/finance/claims/{id}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Someone else has just decided this claim", Problems(page), StringComparison.Ordinal);
        Assert.Contains("Approved", page.QuerySelector("main .govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(id)).Status);
    }

    [Fact]
    public async Task FiftyApprovalsAtOnce_OfOneClaim_GiveExactlyOneApproval()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 40m);
        var version = (await _world.ClaimAsync(id)).Version;
        var officers = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid().ToString()).ToList();

        // Each approval in its own scope, with its own DbContext and connection, as 50 requests would be.
        var outcomes = await Task.WhenAll(officers.Select(officer => Task.Run(() =>
            _world.WithServiceAsync<ClaimApprovalService, ClaimDecisionOutcome>(service => service.ApproveAsync(id, version, officer, CancellationToken.None)))));

        Assert.Single(outcomes, o => o.Result == ClaimDecisionOutcome.Kind.Done);
        Assert.All(outcomes.Where(o => o.Result != ClaimDecisionOutcome.Kind.Done),
            o => Assert.Equal((ClaimDecisionOutcome.Kind.ChangedMeanwhile, ClaimDecisionOutcome.DecidedMeanwhile), (o.Result, o.Message)));
        var claim = await _world.ClaimAsync(id);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Single(claim.Decisions, d => d.Step == ClaimStep.Approved);
        Assert.Equal(1, await _world.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.SubjectId == id.ToString() && e.Action == AuditActions.ClaimApproved)));
    }

    [Fact]
    public async Task FiftyApprovalsAtOnce_WithoutTheVersionSeen_StillGiveExactlyOneApproval()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 40m);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Guid.NewGuid().ToString()).Select(officer => Task.Run(() =>
            _world.WithServiceAsync<ClaimApprovalService, ClaimDecisionOutcome>(service => service.ApproveAsync(id, null, officer, CancellationToken.None)))));

        // Those who loaded it before the winner saved collide on its concurrency token; those after are told it is approved.
        Assert.Single(outcomes, o => o.Result == ClaimDecisionOutcome.Kind.Done);
        Assert.All(outcomes.Where(o => o.Result != ClaimDecisionOutcome.Kind.Done), o => Assert.True(
            o.Result == ClaimDecisionOutcome.Kind.ChangedMeanwhile || o.Message == "This claim has been approved already.", o.Message));
        Assert.Single((await _world.ClaimAsync(id)).Decisions, d => d.Step == ClaimStep.Approved);
    }

    [Fact]
    public async Task AClaimantWhoDeletedTheirAccount_IsShownByTheirPayeeReference()
    {
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var finance = await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer);
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await _world.SubmittedClaimAsync(place, organiser.UserId, 40m);
        var name = await _world.WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == place.ProfileId);
            var before = profile.PreferredName;
            profile.Anonymise(PaymentsWorld.Now);
            await db.SaveChangesAsync();
            return before;
        });
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);

        var queue = await client.GetPageAsync("/finance?status=all");
        var page = await client.GetPageAsync($"/finance/claims/{id}");

        var reference = FinanceText.PayeeReference(place.ProfileId);
        Assert.Contains(queue.QuerySelectorAll("tbody tr"), row => row.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains(reference, page.QuerySelector("h1")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(name, queue.Body!.TextContent + page.Body!.TextContent, StringComparison.Ordinal);
    }
}
