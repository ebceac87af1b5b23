using System.Collections;
using System.Globalization;
using System.Resources;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Features.EasyRead;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>
/// The documents' built-in words pass the plain-English checker, and every picture is mapped and
/// described. A new sentence with jargon, an abbreviation or more than 15 words fails here, by its key.
/// </summary>
public sealed class EasyReadTextTests
{
    private static readonly ResourceManager Text = new("CoProduce.Web.Features.EasyRead.Resources.EasyReadText", typeof(EasyReadWords).Assembly);

    private static Dictionary<string, string> Entries()
    {
        var set = Text.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void EveryBuiltInSentence_PassesThePlainEnglishChecker()
    {
        var entries = Entries();
        Assert.True(entries.Count > 100, "The easy-read words were not found");

        var problems = entries
            .SelectMany(e => PlainEnglishChecker.Check(e.Value)
                // The web page's own words may name the file type people download.
                .Where(w => !(e.Key.StartsWith("Web_", StringComparison.Ordinal) && w.Problem == PlainEnglishProblem.Abbreviation && w.Found == "PDF"))
                .Select(w => $"{e.Key}: {w.Problem} \"{w.Found}\". {w.Suggestion}"))
            .ToList();

        Assert.True(problems.Count == 0, "Rewrite these in plain English:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void TheCheckOverBuiltInWords_WouldCatchAProblem()
    {
        Assert.NotEmpty(PlainEnglishChecker.Check("Your PDF is ready."));
        Assert.NotEmpty(PlainEnglishChecker.Check("We check your eligibility."));
    }

    [Fact]
    public void EveryPicture_HasAFileInPicturesJsonAndWordsForPeopleWhoCannotSeeIt()
    {
        var entries = Entries();
        var mapped = EasyReadPictures.Names.ToHashSet(StringComparer.Ordinal);
        var pictures = Enum.GetValues<Picture>();

        Assert.All(pictures, p => Assert.True(mapped.Contains(EasyReadPictures.NameOf(p)), $"pictures.json has no \"{EasyReadPictures.NameOf(p)}\" for {p}."));
        Assert.All(pictures, p => Assert.False(string.IsNullOrWhiteSpace(entries.GetValueOrDefault("Picture_" + p)), $"EasyReadText.resx has no Picture_{p}."));
        var names = pictures.Select(EasyReadPictures.NameOf).ToHashSet(StringComparer.Ordinal);
        Assert.All(mapped, name => Assert.True(names.Contains(name), $"pictures.json maps \"{name}\", which is no Picture."));
        var described = entries.Keys.Where(k => k.StartsWith("Picture_", StringComparison.Ordinal)).Select(k => k["Picture_".Length..]);
        Assert.All(described, name => Assert.True(Enum.TryParse<Picture>(name, out _), $"EasyReadText.resx describes Picture_{name}, which is no Picture."));
    }
}
