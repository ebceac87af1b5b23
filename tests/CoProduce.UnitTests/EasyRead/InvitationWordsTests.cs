using System.Collections;
using System.Globalization;
using System.Resources;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Features.Organising;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>The invitation's and bookings' fixed words, the needs a person told us in plain words, and the organiser's easy-read summary on the form.</summary>
public sealed class InvitationWordsTests
{
    private static readonly EasyReadWords English = new(EasyReadLanguage.English);

    public static TheoryData<string> InvitationAndBookingsKeys()
    {
        var resources = new ResourceManager("CoProduce.Web.Features.EasyRead.Resources.EasyReadText", typeof(EasyReadWords).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        var keys = set.Cast<DictionaryEntry>().Select(e => (string)e.Key)
            .Where(k => k.StartsWith("Invitation_", StringComparison.Ordinal) || k.StartsWith("Bookings_", StringComparison.Ordinal) || k.StartsWith("Need_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return [.. keys];
    }

    [Theory]
    [MemberData(nameof(InvitationAndBookingsKeys))]
    public void EveryBuiltInSentence_PassesThePlainEnglishChecker(string key)
    {
        var text = English[key];

        Assert.Empty(PlainEnglishChecker.Check(text));
    }

    [Fact]
    public void TheKeys_AreFound() => Assert.True(InvitationAndBookingsKeys().Count >= 60);

    [Fact]
    public void EveryAccessNeed_HasPlainWords()
    {
        foreach (var need in Enum.GetValues<AccessNeed>())
        {
            var words = InvitationDocument.NeedWords(new RecordedNeeds(new HashSet<AccessNeed> { need }, null, null), English);
            Assert.Single(words);
            Assert.False(string.IsNullOrWhiteSpace(words[0]));
            Assert.Empty(PlainEnglishChecker.Check(words[0]));
        }
    }

    public static TheoryData<AccessNeed[], string?, string> NeedCases => new()
    {
        { [], null, "" },
        { [AccessNeed.EasyRead], null, "easy read" },
        { [AccessNeed.QuietSpace, AccessNeed.EasyRead], null, "easy read and a quiet room" },
        { [AccessNeed.RegularBreaks, AccessNeed.EasyRead, AccessNeed.QuietSpace], null, "easy read, a quiet room and breaks" },
        { [AccessNeed.AnotherLanguage], "Arabic", "an interpreter who speaks Arabic" },
        { [AccessNeed.AnotherLanguage], null, "an interpreter for your language" },
        { [AccessNeed.BslInterpreter], null, "a sign language interpreter" },
        { [AccessNeed.Other], null, "other help you told us about" },
    };

    [Theory]
    [MemberData(nameof(NeedCases))]
    public void Needs_AreJoinedInTheProfilesOrder(AccessNeed[] needs, string? language, string expected)
    {
        var words = InvitationDocument.NeedWords(new RecordedNeeds(needs.ToHashSet(), language, null), English);

        Assert.Equal(expected, InvitationDocument.JoinAnd(words, English));
    }

    public static TheoryData<string?, int> SummaryCases => new()
    {
        { null, 0 },
        { "", 0 },
        { "We will talk about breaks for carers. There is lunch.", 0 },
        // Jargon: one warning, with a suggestion.
        { "Help us with the commissioning of a new service.", 1 },
        // 16 words: one over the limit.
        { "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.", 1 },
        // 15 words: on the limit, fine.
        { "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.", 0 },
        { "Bring your BSL interpreter to the co-production meeting.", 2 },
    };

    [Theory]
    [MemberData(nameof(SummaryCases))]
    public void ActivityForm_WarnsAboutItsEasyReadSummary(string? summary, int warnings) =>
        Assert.Equal(warnings, new ActivityForm { EasyReadSummary = summary }.EasyReadWarnings.Count);

    public static TheoryData<string?, bool> SummaryLengthCases => new()
    {
        { null, true },
        { new string('a', 2000), true },
        { new string('a', 2000) + "   ", true },
        { new string('a', 2001), false },
    };

    [Theory]
    [MemberData(nameof(SummaryLengthCases))]
    public void ActivityForm_EasyReadSummary_IsAtMost2000Characters(string? summary, bool valid)
    {
        var errors = new ActivityFormValidator(TimeProvider.System).Validate(new ActivityForm { EasyReadSummary = summary }).Errors
            .Where(e => e.PropertyName == nameof(ActivityForm.EasyReadSummary)).ToList();

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Equal("Easy-read summary must be 2,000 characters or fewer", errors[0].ErrorMessage);
        }
    }
}
