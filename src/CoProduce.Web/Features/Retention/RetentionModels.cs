using CoProduce.Web.Domain.Retention;
using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.Web.Features.Retention;

/// <summary>One thing the run would do: what it is (a payee reference, a claim, a note: never a name), and the day it became due.</summary>
public sealed record RetentionItem(string Reference, string What, DateOnly DueOn);

/// <summary>What one rule would do today: how many, and one page of them.</summary>
public sealed record RetentionRuleReport(RetentionRule Rule, int Total, IReadOnlyList<RetentionItem> Items, Paging Paging);

/// <summary>The dry-run report: what a run today would do, rule by rule.</summary>
public sealed record RetentionReport(DateOnly Today, RetentionPolicy Policy, IReadOnlyList<RetentionRuleReport> Rules)
{
    public int Total => Rules.Sum(r => r.Total);

    public RetentionRuleReport For(RetentionRule rule) => Rules.Single(r => r.Rule == rule);
}

/// <summary>What a real run did.</summary>
public sealed record RetentionRunResult(int PeopleAnonymised, int ReceiptsDeleted, int SpeakersForgotten, int BankDetailsDeleted)
{
    public int Total => PeopleAnonymised + ReceiptsDeleted + SpeakersForgotten + BankDetailsDeleted;

    /// <summary>"1 person anonymised and 3 notes no longer say who said them.": only what happened.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (PeopleAnonymised > 0)
        {
            parts.Add($"{RetentionWords.Count(PeopleAnonymised, "person", "people")} anonymised");
        }
        if (ReceiptsDeleted > 0)
        {
            parts.Add($"{RetentionWords.Count(ReceiptsDeleted, "receipt file", "receipt files")} deleted");
        }
        if (SpeakersForgotten > 0)
        {
            parts.Add($"{RetentionWords.Count(SpeakersForgotten, "note no longer says", "notes no longer say")} who said {(SpeakersForgotten == 1 ? "it" : "them")}");
        }
        if (BankDetailsDeleted > 0)
        {
            parts.Add($"{RetentionWords.Count(BankDetailsDeleted, "deleted person's bank details", "deleted people's bank details")} deleted");
        }
        return parts.Count switch
        {
            0 => "Nothing was due.",
            1 => parts[0] + ".",
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1] + ".",
        };
    }
}

/// <summary>The words the retention pages and entries use.</summary>
public static class RetentionWords
{
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";

    public static string RuleName(RetentionRule rule) => rule switch
    {
        RetentionRule.InactivePerson => "Experts by experience inactive for the whole period: anonymised",
        RetentionRule.Receipt => "Receipt files past the finance retention period: deleted",
        RetentionRule.NoteSpeaker => "Notes of what people said: who said them forgotten",
        RetentionRule.DeletedPersonsBankDetails => "Deleted people's bank details no longer needed: deleted",
        _ => rule.ToString(),
    };

    public static string Slug(RetentionRule rule) => rule switch
    {
        RetentionRule.InactivePerson => "people",
        RetentionRule.Receipt => "receipts",
        RetentionRule.NoteSpeaker => "notes",
        _ => "bank",
    };
}
