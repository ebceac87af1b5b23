namespace CoProduce.Web.Infrastructure.Email;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent, or to be tried again after a failure.</summary>
    Pending,

    /// <summary>Handed to the mail server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up after the most attempts allowed; the log says why.</summary>
    Failed,

    /// <summary>Never sent: the person has no email address, so the organiser rings or texts them instead.</summary>
    NoEmailAddress,
}

/// <summary>
/// An email, stored in the same save as the change it tells someone about, so that it is sent if
/// and only if the change is kept. <see cref="OutboxSender"/> sends it later, from whichever
/// instance of the portal claims it first: the lease columns say who is sending it and until when.
/// </summary>
public sealed class OutboxMessage
{
    public const int SubjectMaxLength = 400;
    public const int ErrorMaxLength = 1000;
    public const int LeaseOwnerMaxLength = 100;
    public const int DocumentMaxLength = 100;

    private OutboxMessage()
    {
    }

    /// <summary>An email to send, or, when <paramref name="to"/> is empty, a message to give the person another way.</summary>
    public OutboxMessage(string? to, string subject, string textBody, string? htmlBody, IEnumerable<EmailAttachment> attachments, DateTime nowUtc,
        int? activityId = null, int? expertProfileId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        To = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        ActivityId = activityId;
        ExpertProfileId = expertProfileId;
        CreatedUtc = nowUtc;
        NextAttemptUtc = nowUtc;
        Status = To is null ? OutboxStatus.NoEmailAddress : OutboxStatus.Pending;
        // Nobody can open an invite that is never sent.
        Attachments = To is null ? [] : [.. attachments];
    }

    public long Id { get; private set; }

    /// <summary>The recipient's address; empty for a message nobody can email.</summary>
    public string? To { get; private set; }

    public string Subject { get; private set; } = string.Empty;
    public string TextBody { get; private set; } = string.Empty;
    public string? HtmlBody { get; private set; }

    /// <summary>Files sent with it, such as a calendar invite: kept in one column, as JSON.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; private set; } = [];

    /// <summary>
    /// An easy-read document to attach as a PDF when the message is sent, such as
    /// "invitation/12/34" (see AttachableDocumentReference). OutboxSender makes it at sending, not when the change is
    /// saved, so no page waits on the PDF printer; if no PDF can be made, the email goes without it.
    /// </summary>
    public string? AttachDocument { get; private set; }

    /// <summary>Asks for an easy-read document to be attached as a PDF when the message is sent.</summary>
    public void AttachDocumentWhenSent(string document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        if (document.Length > DocumentMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(document), $"A document reference is at most {DocumentMaxLength} characters.");
        }
        AttachDocument = To is null ? null : document;
    }

    /// <summary>The activity the message is about, if any: its organiser's page lists the messages nobody could email.</summary>
    public int? ActivityId { get; private set; }

    /// <summary>The expert by experience it is for, if any.</summary>
    public int? ExpertProfileId { get; private set; }

    public OutboxStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    /// <summary>How many times a sender has claimed it to send it.</summary>
    public int Attempts { get; private set; }

    public DateTime NextAttemptUtc { get; private set; }
    public DateTime? SentUtc { get; private set; }

    /// <summary>Why the last attempt failed: the error's type and message, never the email's content.</summary>
    public string? LastError { get; private set; }

    /// <summary>The claim of the sender sending it now; nobody else sends it until <see cref="LeaseExpiresUtc"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseExpiresUtc { get; private set; }

    public EmailMessage ToEmail() => new(To ?? throw new InvalidOperationException("This message has no address to send to."), Subject, TextBody)
    {
        HtmlBody = HtmlBody,
        Attachments = Attachments,
    };

    /// <summary>
    /// How long to wait after the given number of failed attempts: 1, 2, 4, 8 … minutes (for a
    /// first retry of one minute), never more than <paramref name="longest"/>.
    /// </summary>
    public static TimeSpan RetryDelay(int failedAttempts, TimeSpan first, TimeSpan longest)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = first * Math.Pow(2, doublings);
        return delay > longest ? longest : delay;
    }
}
