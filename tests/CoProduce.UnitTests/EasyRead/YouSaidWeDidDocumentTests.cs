using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.Extensions.Options;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>The "you said, we did" template: what people said, one answer each, thanks, when we meet again, who to ask.</summary>
public sealed class YouSaidWeDidDocumentTests
{
    private static readonly CouncilOptions Council = new() { ContactPhone = "01632 960 999", ContactEmail = "ask@council.example" };

    private static EasyReadDocument Build(YouSaidWeDidContent content) =>
        new YouSaidWeDidDocument(Options.Create(Council)).Build(content, EasyReadLanguage.English);

    [Fact]
    public void EachTheme_IsWhatPeopleSaidThenOneAnswer_WithItsPicture()
    {
        var document = Build(new YouSaidWeDidContent("short breaks", new DateOnly(2027, 1, 11),
        [
            new("The forms are hard. They are long.", YouSaidWeDidResponse.Did("We made them shorter.")),
            new("Meetings are early.", YouSaidWeDidResponse.WillDo("We will start at 11am.", new DateOnly(2026, 12, 30))),
            new("Make it free.", YouSaidWeDidResponse.CannotDo("We cannot make it free.", "The money is not enough.")),
        ]));

        var themes = document.Sections.Single(s => s.Heading == "What you told us").Rows;
        Assert.Equal([Picture.YouSaid, Picture.WeDid, Picture.YouSaid, Picture.WeWillDo, Picture.YouSaid, Picture.WeCannotDo], themes.Select(r => r.Picture));
        Assert.Equal(["You said:", "The forms are hard.", "They are long."], themes[0].Sentences.Select(s => s.Text));
        Assert.Equal(["We did this:", "We made them shorter."], themes[1].Sentences.Select(s => s.Text));
        Assert.Equal(["We will do this:", "We will start at 11am.", "We will do it by Wednesday 30 December 2026."], themes[3].Sentences.Select(s => s.Text));
        Assert.Equal(["We cannot do this:", "We cannot make it free.", "This is because:", "The money is not enough."], themes[5].Sentences.Select(s => s.Text));
        Assert.Contains("You helped us plan short breaks.", document.Sentences);
        Assert.Contains("We will meet again on Monday 11 January 2027.", document.Sentences);
        Assert.Contains("Thank you for helping us.", document.Sentences);
        Assert.Contains("Do you have a question? Phone us on 01632 960 999.", document.Sentences);
        Assert.Contains("Or email us at ask@council.example.", document.Sentences);
        Assert.Equal((EasyReadDocumentKind.YouSaidWeDid, "You said, we did", "you-said-we-did.pdf"), (document.Kind, document.Title, document.FileName));
        Assert.Contains(document.Sections.SelectMany(s => s.Rows), r => r.Picture == Picture.ThankYou);
    }

    [Fact]
    public void NoDateToMeetAgain_SaysWeWillTellYou()
    {
        var document = Build(new YouSaidWeDidContent("day centres", null, []));

        Assert.Contains("We will tell you when we meet again.", document.Sentences);
        Assert.DoesNotContain(document.Sentences, s => s.StartsWith("We will meet again on", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSamples_HaveNoPlainEnglishWarnings()
    {
        var today = new DateOnly(2026, 4, 7);
        var documents = new[]
        {
            Build(SampleDocuments.YouSaidWeDidSample(today)),
        };
        var payments = SampleDocuments.PaymentsSample(today);

        Assert.All(documents.SelectMany(d => d.Sentences), s => Assert.Empty(PlainEnglishChecker.Check(s)));
        // Early in April, the sample's claims are still in the tax year it is about.
        Assert.All(payments.Claims, c => Assert.True(c.Date >= new DateOnly(2026, 4, 6), c.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
