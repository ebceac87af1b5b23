using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;

namespace CoProduce.Web.Features.Audit;

/// <summary>
/// The audit log's filters as they arrive in the address: /audit?subject=Project&amp;id=12. The
/// action is "act" in the address, because "action" is the name MVC gives its own route value.
/// </summary>
public sealed class AuditFilter
{
    public string? Subject { get; set; }
    public string? Id { get; set; }

    /// <summary>The user id of the person who did it.</summary>
    public string? Person { get; set; }

    public string? Act { get; set; }
    public DateParts From { get; set; } = new();
    public DateParts To { get; set; } = new();

    /// <summary>Text, so that a page number that is not a number is simply the first page.</summary>
    public string? Page { get; set; }

    public static bool IsBlank(DateParts parts) =>
        string.IsNullOrWhiteSpace(parts.Day) && string.IsNullOrWhiteSpace(parts.Month) && string.IsNullOrWhiteSpace(parts.Year);

    /// <summary>The query the database runs. Call it only when the filter is valid.</summary>
    public AuditQuery ToQuery() => new(
        Enum.TryParse<AuditSubjectType>(Subject, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null,
        string.IsNullOrWhiteSpace(Id) ? null : Id.Trim(),
        string.IsNullOrWhiteSpace(Person) ? null : Person.Trim(),
        string.IsNullOrWhiteSpace(Act) ? null : Act.Trim(),
        new AuditPeriod(From.ToDate(), To.ToDate()),
        int.TryParse(Page, out var page) ? page : 1);
}

/// <summary>What the database is asked for: each part null when not filtered on.</summary>
public sealed record AuditQuery(AuditSubjectType? SubjectType, string? SubjectId, string? ByUserId, string? Action, AuditPeriod Period, int Page = 1)
{
    public static readonly AuditQuery Everything = new(null, null, null, null, AuditPeriod.Always);

    /// <summary>The entries that match, filtered by the database.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (SubjectType is { } type)
        {
            entries = entries.Where(a => a.SubjectType == type);
        }
        if (SubjectId is { } id)
        {
            entries = entries.Where(a => a.SubjectId == id);
        }
        if (ByUserId is { } by)
        {
            entries = entries.Where(a => a.ByUserId == by);
        }
        if (Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }
        if (Period.StartUtc is { } start)
        {
            entries = entries.Where(a => a.AtUtc >= start);
        }
        if (Period.EndUtcExclusive is { } end)
        {
            entries = entries.Where(a => a.AtUtc < end);
        }
        return entries;
    }

    /// <summary>Newest first; entries made in the same instant keep the order they were written in.</summary>
    public static IOrderedQueryable<AuditEntry> NewestFirst(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);

    /// <summary>The filters in words, for the record of an export: "subject Project 12, from 1 March 2026".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (SubjectType is { } type)
        {
            parts.Add(SubjectId is null ? $"subject {type}" : $"subject {type} {SubjectId}");
        }
        else if (SubjectId is not null)
        {
            parts.Add($"subject id {SubjectId}");
        }
        if (ByUserId is not null)
        {
            parts.Add($"by user {ByUserId}");
        }
        if (Action is not null)
        {
            parts.Add($"action {Action}");
        }
        if (Period.From is { } from)
        {
            parts.Add($"from {from:d MMMM yyyy}");
        }
        if (Period.To is { } to)
        {
            parts.Add($"to {to:d MMMM yyyy}");
        }
        return parts.Count == 0 ? "no filters" : string.Join(", ", parts);
    }
}

public sealed class AuditFilterValidator : AbstractValidator<AuditFilter>
{
    public AuditFilterValidator()
    {
        RuleFor(f => f.Subject)
            .Must(s => string.IsNullOrWhiteSpace(s) || (Enum.TryParse<AuditSubjectType>(s, ignoreCase: true, out var t) && Enum.IsDefined(t)))
            .WithMessage("Choose a kind of record from the list");
        RuleFor(f => f.Id).MaximumLength(AuditSubject.IdMaxLength).WithMessage($"Record id must be {AuditSubject.IdMaxLength} characters or fewer");
        RuleFor(f => f.Person).MaximumLength(450).WithMessage("Choose a person from the list");
        RuleFor(f => f.Act)
            .Must(a => string.IsNullOrWhiteSpace(a) || AuditText.Actions.Contains(a.Trim()))
            .WithMessage("Choose an action from the list");
        RuleFor(f => f.From)
            .Must(d => IsBlank(d) || d.ToDate() is not null)
            .WithMessage(f => DateProblem("Date from", f.From));
        RuleFor(f => f.To)
            .Must(d => IsBlank(d) || d.ToDate() is not null)
            .WithMessage(f => DateProblem("Date to", f.To));
        RuleFor(f => f.To)
            .Must((f, to) => new AuditPeriod(f.From.ToDate(), to.ToDate()).Problem is null)
            .WithMessage(f => new AuditPeriod(f.From.ToDate(), f.To.ToDate()).Problem!)
            .When(f => f.From.ToDate() is not null && f.To.ToDate() is not null);
    }

    private static bool IsBlank(DateParts parts) => AuditFilter.IsBlank(parts);

    /// <summary>The Design System's words: what is missing, or that the date does not exist.</summary>
    private static string DateProblem(string name, DateParts parts)
    {
        var missing = new[] { ("day", parts.Day), ("month", parts.Month), ("year", parts.Year) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        return missing.Count switch
        {
            1 => $"{name} must include a {missing[0]}",
            2 => $"{name} must include a {missing[0]} and {missing[1]}",
            _ => $"{name} must be a real date, like 27 3 2026",
        };
    }
}
