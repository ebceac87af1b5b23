using CoProduce.Web.Domain.EasyRead;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>The plain-English checker: long sentences, jargon with everyday words instead, and abbreviations.</summary>
public sealed class PlainEnglishCheckerTests
{
    private const string Fifteen = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.";
    private const string Sixteen = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\r\n")]
    [InlineData("We pay you for your time.")]
    [InlineData(Fifteen)]
    [InlineData("I think it is OK to watch TV at the meeting.")]
    [InlineData("A meeting is on Tuesday.")]
    [InlineData("The bus costs £2.50 and the meeting starts at 10am.")]
    [InlineData("We will tell you before the meeting.")]
    [InlineData("Join the council's new group.")]
    public void Check_PlainText_HasNoWarnings(string? text) => Assert.Empty(PlainEnglishChecker.Check(text));

    [Theory]
    [InlineData(Fifteen, 0)]
    [InlineData(Sixteen, 1)]
    [InlineData(Sixteen + " " + Sixteen, 2)]
    [InlineData(Fifteen + " " + Fifteen, 0)]
    // Split on a new line, so two lines of 15 words each are two short sentences.
    [InlineData("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen\nsixteen", 0)]
    // Without a space after it, a full stop does not end a sentence ("£1.50" is one word): 16 words.
    [InlineData("One two three four five six seven eight.nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen", 1)]
    [InlineData("One two three four five six seven eight. Nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen", 0)]
    public void Check_LongSentences_AreFlaggedOver15Words(string text, int expected) =>
        Assert.Equal(expected, PlainEnglishChecker.Check(text).Count(w => w.Problem == PlainEnglishProblem.LongSentence));

    [Theory]
    [InlineData("eligibility")]
    [InlineData("Eligibility")]
    [InlineData("ELIGIBILITY")]
    [InlineData("assessment")]
    [InlineData("Assessment")]
    [InlineData("direct payment")]
    [InlineData("Direct Payment")]
    [InlineData("direct payments")]
    [InlineData("individual budget")]
    [InlineData("Informal Carer")]
    [InlineData("commissioning")]
    [InlineData("Commissioning")]
    [InlineData("co-production")]
    [InlineData("Co-Production")]
    [InlineData("procurement")]
    [InlineData("Tender")]
    [InlineData("specification")]
    [InlineData("method statement")]
    [InlineData("Method Statement")]
    [InlineData("Appreciative Enquiry")]
    [InlineData("appreciative enquiry")]
    [InlineData("business case")]
    [InlineData("Key Decision")]
    [InlineData("stakeholder")]
    [InlineData("Stakeholders")]
    [InlineData("EIA")]
    [InlineData("CIA")]
    public void Check_JargonInAnyCase_IsFlaggedWithAnEverydaySuggestion(string jargon)
    {
        var warnings = PlainEnglishChecker.Check($"We talk about the {jargon} at the meeting.");

        var warning = Assert.Single(warnings);
        Assert.Equal(PlainEnglishProblem.Jargon, warning.Problem);
        Assert.Equal(jargon, warning.Found);
        Assert.StartsWith($"Instead of \"{jargon}\", try ", warning.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    // A phrase split by a line break or two spaces is still the phrase.
    [InlineData("You may get a direct\npayment.", "direct payment")]
    [InlineData("This is a key  decision.", "key decision")]
    // The acronym as a plural.
    [InlineData("We wrote two EIAs.", "EIA")]
    public void Check_JargonAcrossSpacesOrAsAPlural_IsFlagged(string text, string found)
    {
        var warning = Assert.Single(PlainEnglishChecker.Check(text));
        Assert.Equal((PlainEnglishProblem.Jargon, found), (warning.Problem, warning.Found));
    }

    [Theory]
    // Acronyms from the list count only in capitals: these are other words, or names.
    [InlineData("Cia is coming to the meeting.")]
    [InlineData("cia")]
    [InlineData("Eia and her friend came.")]
    [InlineData("The special lunch is free.")]
    // A jargon word inside another word is not the jargon.
    [InlineData("Tenderly, she spoke.")]
    [InlineData("Our commissioners' room is upstairs.")]
    public void Check_LookalikesOfJargon_AreNotFlagged(string text) =>
        Assert.DoesNotContain(PlainEnglishChecker.Check(text), w => w.Problem == PlainEnglishProblem.Jargon);

    [Theory]
    [InlineData("Ask for a BSL interpreter.", "BSL")]
    [InlineData("The NHS will be there.", "NHS")]
    [InlineData("Bring your BSL's book.", "BSL")]
    [InlineData("Download the PDF.", "PDF")]
    public void Check_Abbreviations_AreFlagged(string text, string found)
    {
        var warning = Assert.Single(PlainEnglishChecker.Check(text));
        Assert.Equal((PlainEnglishProblem.Abbreviation, found), (warning.Problem, warning.Found));
        Assert.Contains(found, warning.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TheSameAbbreviationTwice_IsOneWarning() =>
        Assert.Single(PlainEnglishChecker.Check("BSL is a language. We have a BSL interpreter."));

    [Fact]
    public void Check_ManyProblems_AreAllFlagged()
    {
        var warnings = PlainEnglishChecker.Check("The EIA and the BSL tender. " + Sixteen);

        Assert.Equal(
            [PlainEnglishProblem.LongSentence, PlainEnglishProblem.Jargon, PlainEnglishProblem.Jargon, PlainEnglishProblem.Abbreviation],
            warnings.Select(w => w.Problem));
    }

    [Theory]
    [InlineData("One. Two! Three? Four", new[] { "One.", "Two!", "Three?", "Four" })]
    [InlineData("One\nTwo\r\nThree\n\n\nFour", new[] { "One", "Two", "Three", "Four" })]
    [InlineData("She said \"yes.\" Then she left.", new[] { "She said \"yes.\"", "Then she left." })]
    [InlineData("(It is free.) We pay.", new[] { "(It is free.)", "We pay." })]
    [InlineData("It costs £1.50 a day.", new[] { "It costs £1.50 a day." })]
    [InlineData("  Spaces around.  ", new[] { "Spaces around." })]
    [InlineData("", new string[0])]
    public void Sentences_SplitOnStopsAndNewLines(string text, string[] expected) =>
        Assert.Equal(expected, PlainEnglishChecker.Sentences(text));

    [Theory]
    [InlineData("", 0)]
    [InlineData("£1,250.50", 1)]
    [InlineData("It starts at 10am.", 4)]
    [InlineData("Don't worry - it's fine.", 4)]
    [InlineData("Co-production is good.", 3)]
    public void CountWords_CountsRunsOfLettersAndDigits(string text, int expected) =>
        Assert.Equal(expected, PlainEnglishChecker.CountWords(text));
}
