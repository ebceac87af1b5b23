namespace CoProduce.Web.Domain.Feedback;

/// <summary>The three questions of Working Together for Change.</summary>
public enum FeedbackKind
{
    Working = 1,
    NotWorking = 2,
    ImportantForFuture = 3,
}

public static class FeedbackKinds
{
    public static readonly IReadOnlyList<FeedbackKind> InOrder = [FeedbackKind.Working, FeedbackKind.NotWorking, FeedbackKind.ImportantForFuture];

    public static string Describe(this FeedbackKind kind) => kind switch
    {
        FeedbackKind.Working => "What is working",
        FeedbackKind.NotWorking => "What is not working",
        FeedbackKind.ImportantForFuture => "What is important for the future",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One thing someone said at an activity, written down in the Working Together for Change form.
/// Who said it is private by default: it is kept for the organiser (to thank and follow up), shown
/// to other people only when the person agreed to be named, and never on a public page. The people
/// who attended may correct the notes until the item has been put in a theme; after that the
/// commissioner has worked from the wording, so it stays as themed.
/// </summary>
public sealed class FeedbackItem : Common.IConcurrencyVersioned
{
    public const int TextMaxLength = 1000;

    private FeedbackItem()
    {
    }

    public FeedbackItem(int activityId, int projectId, FeedbackKind kind, string text, SevenKeys keys,
        int? saidByExpertProfileId, bool mayNameThem, string recordedByUserId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activityId, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(projectId, 1);
        ActivityId = activityId;
        ProjectId = projectId;
        RecordedByUserId = recordedByUserId;
        RecordedUtc = nowUtc;
        Edit(kind, text, keys, saidByExpertProfileId, mayNameThem, nowUtc);
    }

    public long Id { get; private set; }
    public int ActivityId { get; private set; }

    /// <summary>The activity's project, kept here so a project's feedback is one indexed query.</summary>
    public int ProjectId { get; private set; }

    public FeedbackKind Kind { get; private set; }
    public string Text { get; private set; } = string.Empty;
    public SevenKeys Keys { get; private set; }

    /// <summary>Who said it, when the note-taker recorded it; null for something the group said.</summary>
    public int? SaidByExpertProfileId { get; private set; }

    /// <summary>The person agreed to be named beside it (to other participants and staff pages). Private by default.</summary>
    public bool MayNameThem { get; private set; }

    public string RecordedByUserId { get; private set; } = string.Empty;
    public DateTime RecordedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    /// <summary>When a participant last corrected the wording, if one did.</summary>
    public DateTime? CorrectedByParticipantUtc { get; private set; }

    /// <summary>The theme it was grouped into, or null while not themed.</summary>
    public int? ThemeId { get; private set; }

    public bool IsThemed => ThemeId is not null;

    /// <summary>Changes on every save, so that a correction and an edit or theming at the same moment collide.</summary>
    public Guid Version { get; set; }

    /// <summary>The note-taker's change: any field, at any time.</summary>
    public void Edit(FeedbackKind kind, string text, SevenKeys keys, int? saidByExpertProfileId, bool mayNameThem, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Choose one of the three Working Together for Change questions.");
        }
        Kind = kind;
        Text = CheckedText(text);
        Keys = keys & SevenKeysInfo.Every;
        SaidByExpertProfileId = saidByExpertProfileId;
        MayNameThem = saidByExpertProfileId is not null && mayNameThem;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// A participant's correction of the wording and keys. Returns why it cannot be made (the item is
    /// already themed, or someone else said it), or null when it was made. Whether the person attended
    /// is checked by the caller through <see cref="FeedbackRules.MayParticipantRead"/>.
    /// </summary>
    public string? CorrectByParticipant(string text, SevenKeys keys, int byExpertProfileId, DateTime nowUtc)
    {
        if (FeedbackRules.WhyParticipantCannotCorrect(IsThemed, SaidByExpertProfileId, byExpertProfileId) is { } why)
        {
            return why;
        }
        Text = CheckedText(text);
        Keys = keys & SevenKeysInfo.Every;
        CorrectedByParticipantUtc = nowUtc;
        UpdatedUtc = nowUtc;
        return null;
    }

    /// <summary>When the person's profile is deleted, what they said stays (the group's record) but not who said it.</summary>
    public void ForgetSpeaker(DateTime nowUtc)
    {
        SaidByExpertProfileId = null;
        MayNameThem = false;
        UpdatedUtc = nowUtc;
    }

    public void PutInTheme(int themeId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(themeId, 1);
        ThemeId = themeId;
        UpdatedUtc = nowUtc;
    }

    public void TakeOutOfTheme(DateTime nowUtc)
    {
        ThemeId = null;
        UpdatedUtc = nowUtc;
    }

    private static string CheckedText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, TextMaxLength, nameof(text));
        return text;
    }
}

/// <summary>Who may do what with feedback notes.</summary>
public static class FeedbackRules
{
    /// <summary>
    /// A participant may read and correct an activity's notes when they attended it, and may correct an
    /// item until it is themed.
    /// </summary>
    public static bool MayParticipantRead(Activities.Attendance attendance) => attendance == Activities.Attendance.Attended;

    public static bool MayParticipantCorrect(Activities.Attendance attendance, bool isThemed, int? saidByExpertProfileId, int participantExpertProfileId) =>
        MayParticipantRead(attendance) && WhyParticipantCannotCorrect(isThemed, saidByExpertProfileId, participantExpertProfileId) is null;

    /// <summary>
    /// Why someone who attended cannot correct a note, or null when they can: a themed note stays as
    /// the commissioner worked from it, and what one person said is theirs to correct, not another's.
    /// A note of what the group said (no speaker recorded) may be corrected by anyone who was there.
    /// </summary>
    public static string? WhyParticipantCannotCorrect(bool isThemed, int? saidByExpertProfileId, int participantExpertProfileId) =>
        isThemed ? FixedOnceThemed
        : saidByExpertProfileId is { } speaker && speaker != participantExpertProfileId ? SomeoneElseSaidIt
        : null;

    public const string FixedOnceThemed = "This note has already been grouped into a theme, so it can no longer be changed. Contact the organiser if it is wrong.";

    public const string SomeoneElseSaidIt = "Someone else said this, so only they can change it. Contact the organiser if it is wrong.";

    /// <summary>
    /// How a note's speaker is shown to someone: their own name to themselves ("You"), their name when
    /// they agreed, otherwise nothing. Never used on public pages, which show no speaker at all.
    /// </summary>
    public static SpeakerShown ShowSpeakerTo(int? saidByExpertProfileId, bool mayNameThem, int? viewerExpertProfileId)
    {
        if (saidByExpertProfileId is null)
        {
            return SpeakerShown.Nobody;
        }
        if (saidByExpertProfileId == viewerExpertProfileId)
        {
            return SpeakerShown.You;
        }
        return mayNameThem ? SpeakerShown.Name : SpeakerShown.Nobody;
    }
}

public enum SpeakerShown { Nobody, You, Name }
