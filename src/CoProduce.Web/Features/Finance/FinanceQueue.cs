using System.Globalization;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Finance;

/// <summary>The finance queue's filters, as typed in its form (and kept in its links).</summary>
public sealed class FinanceQueueQuery
{
    public const string Waiting = "waiting";

    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>"waiting" (the default: sent, or waiting for a second approval), "all", or a status.</summary>
    public string? Status { get; set; }

    /// <summary>Part of an activity's title.</summary>
    public string? Activity { get; set; }

    /// <summary>Activity dates from and to, like 1/4/2026.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>Claim totals from and to, in pounds.</summary>
    public string? Min { get; set; }

    public string? Max { get; set; }

    /// <summary>"oldest" (the default), "newest", "amount", "amount-desc" or "date".</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;

    public static IReadOnlyList<SelectListItem> Statuses =>
    [
        new("Waiting for approval", Waiting),
        new(FinanceText.Status(ClaimStatus.AwaitingSecondApproval), nameof(ClaimStatus.AwaitingSecondApproval)),
        new(FinanceText.Status(ClaimStatus.Queried), nameof(ClaimStatus.Queried)),
        new(FinanceText.Status(ClaimStatus.Approved), nameof(ClaimStatus.Approved)),
        new(FinanceText.Status(ClaimStatus.Batched), nameof(ClaimStatus.Batched)),
        new(FinanceText.Status(ClaimStatus.Paid), nameof(ClaimStatus.Paid)),
        new(FinanceText.Status(ClaimStatus.Rejected), nameof(ClaimStatus.Rejected)),
        new("Any status", "all"),
    ];

    public static IReadOnlyList<SelectListItem> Sorts =>
    [
        new("Oldest first", "oldest"),
        new("Newest first", "newest"),
        new("Smallest amount first", "amount"),
        new("Largest amount first", "amount-desc"),
        new("Activity date", "date"),
    ];

    /// <summary>The statuses to show; null means every status a claim has once it was sent.</summary>
    public ClaimStatus[]? StatusesToShow => (Status ?? Waiting) switch
    {
        Waiting => [ClaimStatus.Submitted, ClaimStatus.AwaitingSecondApproval],
        "all" => null,
        var one when Enum.TryParse<ClaimStatus>(one, out var status) && status != ClaimStatus.Draft => [status],
        _ => [ClaimStatus.Submitted, ClaimStatus.AwaitingSecondApproval],
    };

    public DateOnly? FromDate => ParseDate(From);
    public DateOnly? ToDate => ParseDate(To);
    public Money? MinAmount => ParseMoney(Min);
    public Money? MaxAmount => ParseMoney(Max);

    /// <summary>The query string for this query on another page.</summary>
    public string Link(int page) =>
        "/finance?" + string.Join('&', new[] { ("status", Status), ("activity", Activity), ("from", From), ("to", To), ("min", Min), ("max", Max), ("sort", Sort) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}")
            .Append($"page={page}"));

    internal static bool IsDate(string? text) => string.IsNullOrWhiteSpace(text) || ParseDate(text) is not null;

    internal static bool IsMoney(string? text) => string.IsNullOrWhiteSpace(text) || ParseMoney(text) is not null;

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static Money? ParseMoney(string? text) => Money.TryParse(text, out var amount) ? amount : null;
}

public sealed class FinanceQueueQueryValidator : AbstractValidator<FinanceQueueQuery>
{
    public FinanceQueueQueryValidator()
    {
        RuleFor(q => q.From).Must(FinanceQueueQuery.IsDate).WithMessage("Enter the first activity date like 1/4/2026");
        RuleFor(q => q.To).Must(FinanceQueueQuery.IsDate).WithMessage("Enter the last activity date like 31/3/2027");
        RuleFor(q => q.To).Must((q, _) => q.FromDate is not { } from || q.ToDate is not { } to || from <= to)
            .WithMessage("The last activity date must be the same as or after the first");
        RuleFor(q => q.Min).Must(FinanceQueueQuery.IsMoney).WithMessage("Enter the smallest amount in pounds, like 25 or 25.50");
        RuleFor(q => q.Max).Must(FinanceQueueQuery.IsMoney).WithMessage("Enter the largest amount in pounds, like 500");
        RuleFor(q => q.Max).Must((q, _) => q.MinAmount is not { } min || q.MaxAmount is not { } max || min <= max)
            .WithMessage("The largest amount must be the same as or more than the smallest");
        RuleFor(q => q.Activity).MaximumLength(200).WithMessage("Enter 200 characters or fewer of the activity's title");
    }
}

/// <summary>One claim in the finance queue.</summary>
public sealed record FinanceQueueRow(int Id, string Reference, string Claimant, string Activity, DateOnly ActivityDate, Money Total, string Status, string Age);

/// <summary>The queue: one page of claims, with the count and total of every claim the filters match.</summary>
public sealed record FinanceQueuePage(FinanceQueueQuery Query, IReadOnlyList<FinanceQueueRow> Rows, Paging Paging, Money FilteredTotal)
{
    public const int PageSize = 25;

    // The filter form's fields, named as the query binds them.
    public string? Status => Query.Status ?? FinanceQueueQuery.Waiting;
    public string? Activity => Query.Activity;
    public string? From => Query.From;
    public string? To => Query.To;
    public string? Min => Query.Min;
    public string? Max => Query.Max;
    public string? Sort => Query.Sort ?? "oldest";
}
