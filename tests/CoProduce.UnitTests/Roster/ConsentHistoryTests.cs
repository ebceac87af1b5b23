using System.Globalization;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.UnitTests.Roster;

/// <summary>Consent is a history of events: given (to a privacy notice version) and withdrawn, each with its time.</summary>
public sealed class ConsentHistoryTests
{
    private static readonly DateTime Start = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Steps are separated by ";": "give v1", "withdraw" or "delete". Step n happens n minutes after the start.</summary>
    private static ExpertProfile After(string steps)
    {
        var profile = new ExpertProfile("user", "Jo", "jo@example.org", Start);
        var minute = 0;
        foreach (var step in steps.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = Start.AddMinutes(minute++);
            var words = step.Split(' ');
            switch (words[0])
            {
                case "give":
                    profile.GiveConsent(words[1], at);
                    break;
                case "withdraw":
                    profile.WithdrawConsent(at);
                    break;
                case "delete":
                    profile.Anonymise(at);
                    break;
                default:
                    throw new ArgumentException($"Unknown step {step}", nameof(steps));
            }
        }
        return profile;
    }

    /// <summary>Each event as "number change [version] at minute", joined by "; ".</summary>
    private static string History(ExpertProfile profile) => string.Join("; ", profile.ConsentHistory.Select(e =>
        $"{e.Number} {e.Change}{(e.PrivacyNoticeVersion is null ? "" : " " + e.PrivacyNoticeVersion)} at {(e.AtUtc - Start).TotalMinutes.ToString(CultureInfo.InvariantCulture)}"));

    [Theory]
    [InlineData("", "", false, null)]
    [InlineData("give v1", "1 Given v1 at 0", true, "v1")]
    [InlineData("give v1; withdraw", "1 Given v1 at 0; 2 Withdrawn at 1", false, null)]
    [InlineData("give v1; withdraw; give v1", "1 Given v1 at 0; 2 Withdrawn at 1; 3 Given v1 at 2", true, "v1")]
    [InlineData("give v1; withdraw; give v2; withdraw", "1 Given v1 at 0; 2 Withdrawn at 1; 3 Given v2 at 2; 4 Withdrawn at 3", false, null)]
    [InlineData("withdraw", "", false, null)] // nothing to withdraw: nothing recorded
    [InlineData("give v1; withdraw; withdraw", "1 Given v1 at 0; 2 Withdrawn at 1", false, null)] // a second click records nothing
    [InlineData("give v1; give v1", "1 Given v1 at 0", true, "v1")] // agreeing again to the same notice changes nothing
    [InlineData("give v1; give v2", "1 Given v1 at 0; 2 Given v2 at 1", true, "v2")] // agreeing to a new notice is recorded
    [InlineData("give v1; delete", "1 Given v1 at 0; 2 Withdrawn at 1", false, null)] // deletion withdraws, and the history stays
    [InlineData("delete", "", false, null)]
    public void Steps_GiveThisHistoryAndConsentNow(string steps, string expectedHistory, bool hasConsent, string? currentVersion)
    {
        var profile = After(steps);

        Assert.Equal(expectedHistory, History(profile));
        Assert.Equal(hasConsent, profile.HasConsent);
        Assert.Equal(hasConsent, profile.IsOnRoster);
        Assert.Equal(currentVersion, profile.CurrentConsent?.PrivacyNoticeVersion);
    }

    [Theory]
    [InlineData("give v1; withdraw; give v2", 2)]
    [InlineData("give v1; give v2", 1)]
    [InlineData("give v1; withdraw; give v1; give v1", 2)]
    public void CurrentConsent_IsTheLatestGiven_WithItsTime(string steps, int minute)
    {
        var profile = After(steps);

        Assert.Equal(Start.AddMinutes(minute), profile.CurrentConsent!.AtUtc);
        Assert.Same(profile.LatestConsentEvent, profile.CurrentConsent);
    }

    [Theory]
    [InlineData("delete", "v1")]
    [InlineData("give v1; delete", "v1")]
    [InlineData("give v1", " ")]
    [InlineData("", "")]
    public void GiveConsent_AfterDeletionOrWithoutANoticeVersion_IsRefusedAndRecordsNothing(string steps, string version)
    {
        var profile = After(steps);
        var before = History(profile);

        var refused = Record.Exception(() => profile.GiveConsent(version, Start.AddHours(1)));

        Assert.True(refused is ArgumentException or InvalidOperationException, refused?.GetType().Name ?? "not refused");
        Assert.Equal(before, History(profile));
    }

    [Fact]
    public void SpecialCategoryData_CanBeGivenAgainAfterConsentIsGivenAgain()
    {
        var profile = After("give v1; withdraw; give v1");

        profile.SetLivedExperience([LivedExperienceArea.Carer], null, Start.AddHours(1));

        Assert.Equal([LivedExperienceArea.Carer], profile.LivedExperience);
    }
}
