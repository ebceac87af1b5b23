using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// A double click, a browser retrying or an impatient person: the same create-style form sent
/// four times at once makes one thing, and every copy of the request ends on the same page.
/// </summary>
public sealed class DoubleSubmitTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Copies = 4;

    [Fact]
    public async Task NewProject_SentFourTimesAtOnce_MakesOne()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var fields = await client.FormAsBrowserWouldSendAsync("/projects/new", "/projects/new",
            [new("Title", "Sent four times"), new("ServiceArea", "Carers"), new("Summary", "One project"), new("Value", "40000"), new("KeyDecision", "no")]);

        var responses = await PostCopiesAsync(client, "/projects/new", fields);

        AssertAllSentToOnePlace(responses);
        var id = await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == "Sent four times").Select(p => p.Id).SingleAsync());
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ProjectCreated && a.ProjectId == id)));
    }

    [Fact]
    public async Task Evidence_SentFourTimesAtOnce_IsAddedOnce()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var projectId = await NewProjectAsync(client, "Evidence four times");
        var url = $"/projects/{projectId}/requirements/R1/evidence";
        var fields = await client.FormAsBrowserWouldSendAsync(url, url,
            [new("WhatWasDone", "A workshop"), new("DoneOn.Day", "3"), new("DoneOn.Month", "11"), new("DoneOn.Year", "2026"), new("LivedExperienceCount", "5"), new("Notes", "")]);

        var responses = await PostCopiesAsync(client, url, fields);

        AssertAllSentToOnePlace(responses);
        Assert.Equal(1, await WithDbAsync(db => db.ProjectRequirements.Where(r => r.ProjectId == projectId && r.Code == "R1").SelectMany(r => r.Evidence).CountAsync()));
    }

    [Fact]
    public async Task ExceptionRequest_SentFourTimesAtOnce_AsksOnce()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var projectId = await NewProjectAsync(client, "Exception four times");
        var url = $"/projects/{projectId}/requirements/R1/exception";
        var fields = await client.FormAsBrowserWouldSendAsync(url, url, [new("Reason", "Nobody to ask yet")]);

        var responses = await PostCopiesAsync(client, url, fields);

        AssertAllSentToOnePlace(responses);
        Assert.Equal(1, await PendingExceptionsAsync(projectId));
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProjectId == projectId && a.Action == AuditActions.ExceptionRequested)));
    }

    [Fact]
    public async Task ExceptionRequest_FromTwoTabsAtOnce_AsksOnceAndTheOtherIsToldWhy()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var projectId = await NewProjectAsync(client, "Exception from two tabs");
        var url = $"/projects/{projectId}/requirements/R1/exception";
        // Two tabs: two pages, so two different one-use tokens.
        var tabs = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => client.FormAsBrowserWouldSendAsync(url, url, [new("Reason", "Nobody to ask yet")])));

        var responses = await Task.WhenAll(tabs.Select(async fields =>
        {
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(new Uri(url, UriKind.Relative), content);
        }));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"Got {(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await PendingExceptionsAsync(projectId));
    }

    [Fact]
    public async Task NewActivity_SentFourTimesAtOnce_MakesOne()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var projectId = await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync());
        var fields = await client.FormAsBrowserWouldSendAsync("/manage/activities/new", "/manage/activities/new",
            OrganisingTests.ActivityFields(projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Workshop sent four times"));

        var responses = await PostCopiesAsync(client, "/manage/activities/new", fields);

        AssertAllSentToOnePlace(responses);
        Assert.Equal(1, await WithDbAsync(db => db.Activities.CountAsync(a => a.Title == "Workshop sent four times")));
    }

    [Fact]
    public async Task NewStaffAccount_SentFourTimesAtOnce_MakesOneAndSendsOneEmail()
    {
        var client = await portal.ClientForAsync(Roles.CoProductionLead);
        var fields = await client.FormAsBrowserWouldSendAsync("/admin/staff/new", "/admin/staff/new",
            [new("DisplayName", "Four Times"), new("Email", "four.times@example.org"), new("Roles", Roles.Commissioner)]);

        var responses = await PostCopiesAsync(client, "/admin/staff/new", fields);

        AssertAllSentToOnePlace(responses);
        Assert.Equal(1, await WithDbAsync(db => db.Users.CountAsync(u => u.Email == "four.times@example.org")));
        await portal.SendQueuedEmailsAsync();
        Assert.Single(Mailbox.To(portal.MailFolder, "four.times@example.org"));
    }

    [Fact]
    public async Task PublishRules_SentFourTimesAtOnce_PublishesOneVersion()
    {
        var client = await portal.ClientForAsync(Roles.CoProductionLead);
        var before = await WithDbAsync(db => db.TierRuleSets.CountAsync());
        var fields = await client.FormAsBrowserWouldSendAsync("/rules/new", "/rules/new", [new("ChangeNote", "Sent four times"), new("Intent", "publish")]);

        var responses = await PostCopiesAsync(client, "/rules/new", fields);

        AssertAllSentToOnePlace(responses);
        Assert.Equal(before + 1, await WithDbAsync(db => db.TierRuleSets.CountAsync()));
    }

    [Fact]
    public async Task FeedbackNote_SentFourTimesAtOnce_IsWrittenDownOnce()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        // The demo's past listening session, which happened and can have notes.
        var activityId = await WithDbAsync(db => db.Activities.Where(a => a.Title == "Carers' breaks: listening session").Select(a => a.Id).SingleAsync());
        var url = $"/manage/activities/{activityId}/feedback";
        var fields = await client.FormAsBrowserWouldSendAsync(url, url,
            [new("Kind", "NotWorking"), new("Text", "A note sent four times"), new("SaidBy", string.Empty)]);

        var responses = await PostCopiesAsync(client, url, fields);

        AssertAllSentToOnePlace(responses);
        Assert.Equal(1, await WithDbAsync(db => db.FeedbackItems.CountAsync(i => i.Text == "A note sent four times")));
    }

    [Fact]
    public async Task SignUp_SentFourTimesAtOnce_AsksForOnePlace()
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);
        var activityId = await WithDbAsync(db => db.Activities.Where(a => a.Title == "What makes a good break for carers?").Select(a => a.Id).SingleAsync());
        var url = $"/activities/{activityId}/sign-up";
        var fields = await client.FormAsBrowserWouldSendAsync($"/activities/{activityId}", url, [new("WhatWouldHelp", "A quiet room")]);

        var responses = await PostCopiesAsync(client, url, fields);

        AssertAllSentToOnePlace(responses);
        var email = DemoUsers.EmailFor(Roles.ExpertByExperience);
        Assert.Equal(1, await WithDbAsync(db => db.SignUps.CountAsync(s => s.ActivityId == activityId &&
            db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.ContactEmail == email))));
    }

    [Fact]
    public async Task FormWithAMistake_CanBeSentAgainOnceCorrected()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var fields = await client.FormAsBrowserWouldSendAsync("/projects/new", "/projects/new",
            [new("Title", "Corrected project"), new("ServiceArea", "Carers"), new("Summary", "S"), new("Value", "not money"), new("KeyDecision", "no")]);

        using var wrong = new FormUrlEncodedContent(fields);
        var refused = await client.PostAsync(new Uri("/projects/new", UriKind.Relative), wrong);
        using var corrected = new FormUrlEncodedContent(fields.Select(f => f.Key == "Value" ? new KeyValuePair<string, string>("Value", "40000") : f));
        var saved = await client.PostAsync(new Uri("/projects/new", UriKind.Relative), corrected);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await WithDbAsync(db => db.CommissioningProjects.CountAsync(p => p.Title == "Corrected project")));
    }

    private static async Task<HttpResponseMessage[]> PostCopiesAsync(HttpClient client, string url, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        await Task.WhenAll(Enumerable.Range(0, Copies).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(new Uri(url, UriKind.Relative), content);
        }));

    private static void AssertAllSentToOnePlace(HttpResponseMessage[] responses)
    {
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Location()).Distinct());
    }

    private static async Task<int> NewProjectAsync(HttpClient client, string title)
    {
        var created = await client.SubmitFormAsync("/projects/new", "/projects/new",
            [new("Title", title), new("ServiceArea", "Carers"), new("Summary", "S"), new("Value", "40000"), new("KeyDecision", "no")]);
        return int.Parse(created.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> PendingExceptionsAsync(int projectId) =>
        WithDbAsync(db => db.ProjectRequirements.Where(r => r.ProjectId == projectId && r.Code == "R1")
            .SelectMany(r => r.Exceptions).CountAsync(e => e.Decision == null));

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }
}
