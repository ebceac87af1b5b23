using System.Text.RegularExpressions;

namespace CoProduce.Web.Domain.EasyRead;

public enum PlainEnglishProblem
{
    /// <summary>A sentence of more than <see cref="PlainEnglishChecker.MostWordsInASentence"/> words.</summary>
    LongSentence,

    /// <summary>A word or phrase from the jargon list, with an everyday one to use instead.</summary>
    Jargon,

    /// <summary>Capital letters standing for words, such as "BSL": say the words.</summary>
    Abbreviation,
}

/// <summary>One thing to look at again, and what to write instead.</summary>
public sealed record PlainEnglishWarning(PlainEnglishProblem Problem, string Found, string Suggestion);

/// <summary>
/// Flags what makes easy-read text hard to read: sentences over 15 words (the guidance asks for
/// 10 to 15), words from the jargon list (the ones the Suffolk and Thurrock reviews found people
/// stumbled on, and commissioning's own words) and abbreviations. It only advises: writers see
/// the warnings beside their text and decide, because a rule cannot judge meaning.
/// </summary>
public static partial class PlainEnglishChecker
{
    public const int MostWordsInASentence = 15;

    /// <summary>Jargon and the everyday words to use instead. Matched as whole words, in any case.</summary>
    public static readonly IReadOnlyDictionary<string, string> Jargon = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["eligibility"] = "say who can have it: \"you can have this if …\"",
        ["eligible"] = "\"you can have\" or \"you can get\"",
        ["assessment"] = "\"a talk about what help you need\"",
        ["direct payment"] = "\"money from the council to pay for your own support\"",
        ["direct payments"] = "\"money from the council to pay for your own support\"",
        ["individual budget"] = "\"the money for your support\"",
        ["personal budget"] = "\"the money for your support\"",
        ["informal carer"] = "\"someone who looks after you, like family or a friend\"",
        ["service user"] = "\"people who use the service\" or \"you\"",
        ["commissioning"] = "\"how the council plans and buys services\"",
        ["commission"] = "\"plan and buy\"",
        ["commissioner"] = "\"the person at the council who plans and buys services\"",
        ["co-production"] = "\"working together as equals\"",
        ["co-produce"] = "\"work together as equals\"",
        ["procurement"] = "\"buying services\"",
        ["tender"] = "\"asking companies to offer to run the service\"",
        ["specification"] = "\"what the service must do\"",
        ["method statement"] = "\"how a company says it will do the work\"",
        ["EIA"] = "\"a check that the change is fair to everyone\" (say the words, not the letters)",
        ["CIA"] = "\"a check of what the change means for people\" (say the words, not the letters)",
        ["Appreciative Enquiry"] = "\"talking about what works well and building on it\"",
        ["business case"] = "\"the reasons for spending the money\"",
        ["key decision"] = "\"a big decision\"",
        ["stakeholder"] = "\"people who have a say\" or name them",
        ["stakeholders"] = "\"people who have a say\" or name them",
        ["consultation"] = "\"asking what you think\"",
        ["engagement"] = "\"talking with people\"",
        ["outcomes"] = "\"what changes for you\"",
        ["facilitate"] = "\"help\" or \"run\"",
        ["facilitator"] = "\"the person who runs the meeting\"",
        ["remuneration"] = "\"pay\"",
        ["reimbursement"] = "\"paying you back\"",
        ["reimburse"] = "\"pay you back\"",
        ["expenditure"] = "\"spending\"",
        ["utilise"] = "\"use\"",
        ["prior to"] = "\"before\"",
        ["in order to"] = "\"to\"",
        ["commence"] = "\"start\"",
        ["terminate"] = "\"end\" or \"stop\"",
        ["accessible"] = "say what is there: \"there is a ramp\"",
        ["signpost"] = "\"tell you where to go\"",
        ["safeguarding"] = "\"keeping people safe\"",
        ["capacity"] = "\"being able to decide\" or \"places\"",
    };

    /// <summary>Capitals that are words people say, not abbreviations to spell out.</summary>
    private static readonly HashSet<string> AllowedCapitals = new(StringComparer.Ordinal) { "I", "OK", "A", "TV" };

    // A phrase matches across any white space, a line break too: "direct\npayment" is still jargon.
    private static readonly Regex JargonPattern = new(
        @"(?<![\p{L}\p{N}-])(" + string.Join("|", Jargon.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + @")(?![\p{L}\p{N}-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The warnings for a text, in the order they appear; none for an empty text.</summary>
    public static IReadOnlyList<PlainEnglishWarning> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var warnings = new List<PlainEnglishWarning>();
        foreach (var sentence in Sentences(text))
        {
            var words = CountWords(sentence);
            if (words > MostWordsInASentence)
            {
                warnings.Add(new PlainEnglishWarning(PlainEnglishProblem.LongSentence, sentence,
                    $"This sentence has {words} words. Try to use {MostWordsInASentence} or fewer: split it into two sentences."));
            }
        }
        foreach (Match match in JargonPattern.Matches(text))
        {
            var found = Spaces().Replace(match.Value, " ");
            var key = Jargon.Keys.First(k => string.Equals(k, found, StringComparison.OrdinalIgnoreCase));
            // Acronyms count only in capitals: "cia" in another word is not the abbreviation.
            if (key.All(c => !char.IsLetter(c) || char.IsUpper(c)) && found != key)
            {
                continue;
            }
            warnings.Add(new PlainEnglishWarning(PlainEnglishProblem.Jargon, found, $"Instead of \"{found}\", try {Jargon[key]}."));
        }
        foreach (Match match in CapitalsPattern().Matches(text))
        {
            if (AllowedCapitals.Contains(match.Value) || warnings.Any(w => w.Found == match.Value))
            {
                continue;
            }
            // An acronym from the jargon list as a plural ("EIAs") is still that jargon.
            warnings.Add(Jargon.TryGetValue(match.Value, out var instead)
                ? new PlainEnglishWarning(PlainEnglishProblem.Jargon, match.Value, $"Instead of \"{match.Value}\", try {instead}.")
                : new PlainEnglishWarning(PlainEnglishProblem.Abbreviation, match.Value,
                    $"Say the words \"{match.Value}\" stands for, or leave it out if people do not need it."));
        }
        return warnings;
    }

    /// <summary>
    /// Sentences end at a full stop, question mark or exclamation mark (or one followed by a closing
    /// quote or bracket) before a space, or at a new line.
    /// </summary>
    public static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>Words are runs of letters or digits; "£1,250.50" and "10am" are one word each.</summary>
    public static int CountWords(string sentence) => WordPattern().Count(sentence);

    [GeneratedRegex(@"(?<=[.!?][""'’”)]?)\s+|\r?\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.,:£/-]*")]
    private static partial Regex WordPattern();

    /// <summary>Two or more capitals standing alone, or as a plural: "BSL", "NHS", "EIAs".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}{2,}(?=s?(?![\p{L}\p{N}]))")]
    private static partial Regex CapitalsPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
