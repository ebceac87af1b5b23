using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.Web.Features.Participation;

/// <summary>The activities taking sign-ups, one page of them, as the signed-in person sees them.</summary>
public sealed record ActivityListModel(
    IReadOnlyList<ActivityListRow> Activities,
    Paging Paging,
    bool HasLivedExperience,
    bool HasConsent)
{
    public const int PageSize = 20;
}

public sealed record ActivityListRow(
    int Id,
    string Title,
    string Type,
    string When,
    string Mode,
    bool IsPaid,
    int PlacesLeft,
    string? MyStatus);

/// <summary>
/// One activity as the signed-in person sees it. Joining instructions are only filled in when
/// their place is confirmed. What they can do (sign up, withdraw, accept an offer) is decided by
/// <see cref="Activity"/> when the page is read.
/// </summary>
public sealed record ActivityPageModel(
    int Id,
    string Title,
    string Type,
    string Description,
    string When,
    string SignUpCloses,
    string ModeText,
    string? Venue,
    string? AccessInformation,
    string? JoiningInstructions,
    string Pay,
    bool PaysForTime,
    int PlacesLeft,
    IReadOnlyList<string> ExperienceSought,
    bool IsCancelled,
    bool HasConsent,
    string SignUpHint,
    MySignUp? Mine,
    bool AcceptsSignUps,
    bool CanSignUp,
    bool CanWithdraw,
    bool CanAcceptOffer,
    bool CanAnswerInvitation,
    IReadOnlyList<string> Keys)
{
    /// <summary>Nothing for them to do here now: they have no sign-up in play and sign-up is not open.</summary>
    public bool NotTakingSignUps => !CanSignUp && Mine is null or { IsLive: false };
}

/// <summary>The person's own sign-up: where it stands, in words, and what happens next.</summary>
public sealed record MySignUp(SignUpStatus Status, bool IsLive, string Label, string Next, string? DeclineMessage)
{
    public bool IsConfirmed => Status == SignUpStatus.Confirmed;

    public bool WasDeclined => Status == SignUpStatus.Declined;
}
