using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.Web.Features.Participation;

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
/// their place is confirmed.
/// </summary>
public sealed record ActivityPageModel(
    int Id,
    string Title,
    string Type,
    string Description,
    string When,
    string SignUpCloses,
    ActivityMode Mode,
    string ModeText,
    string? Venue,
    string? AccessInformation,
    string? JoiningInstructions,
    bool IsPaid,
    int PlacesLeft,
    IReadOnlyList<string> ExperienceSought,
    ActivityStatus Status,
    bool AcceptsSignUps,
    bool HasConsent,
    string SignUpHint,
    MySignUp? Mine)
{
    /// <summary>Someone with a live sign-up can withdraw, until the activity is over or cancelled.</summary>
    public bool CanWithdraw => Mine is { Status: SignUpStatus.Requested or SignUpStatus.WaitingList or SignUpStatus.Offered or SignUpStatus.Confirmed, Attendance: Attendance.NotRecorded }
        && Status is ActivityStatus.Open or ActivityStatus.Closed;

    public bool CanAcceptOffer => Mine is { Status: SignUpStatus.Offered } && Status is ActivityStatus.Open or ActivityStatus.Closed;

    /// <summary>The sign-up form shows for someone with no live sign-up, while sign-ups are open.</summary>
    public bool CanSignUp => AcceptsSignUps && Mine is null or { Status: SignUpStatus.Withdrawn or SignUpStatus.Declined };
}

public sealed record MySignUp(SignUpStatus Status, Attendance Attendance, string Label, string Next, string? DeclineMessage);
