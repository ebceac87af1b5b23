using CoProduce.Web.Data;

namespace CoProduce.Web.Infrastructure.Email;

/// <summary>Who a message about an activity is for: the organiser's page lists those nobody could email.</summary>
public sealed record EmailAbout(int ActivityId, int ExpertProfileId);

/// <summary>
/// Where features put email. A message is added to the current unit of work and stored by the
/// caller's own SaveChanges, with the change that causes it: both are kept, or neither.
/// <see cref="OutboxSender"/> sends it afterwards, so no page waits on the mail server.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Adds an email to send. The caller's save stores it. <paramref name="attachDocument"/> names an
    /// easy-read document (such as "invitation/12/34") to print and attach as a PDF when it is sent.
    /// </summary>
    void Add(EmailMessage message, EmailAbout? about = null, string? attachDocument = null);

    /// <summary>Adds a message for someone with no email address: never sent, it is for the organiser to give by phone or text.</summary>
    void AddNotEmailable(string subject, string textBody, EmailAbout about);
}

internal sealed class EmailOutbox(CoProduceDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Add(EmailMessage message, EmailAbout? about = null, string? attachDocument = null)
    {
        var stored = new OutboxMessage(message.To, message.Subject, message.TextBody, message.HtmlBody, message.Attachments,
            clock.GetUtcNow().UtcDateTime, about?.ActivityId, about?.ExpertProfileId);
        if (attachDocument is not null)
        {
            stored.AttachDocumentWhenSent(attachDocument);
        }
        db.OutboxMessages.Add(stored);
    }

    public void AddNotEmailable(string subject, string textBody, EmailAbout about) =>
        db.OutboxMessages.Add(new OutboxMessage(null, subject, textBody, null, [], clock.GetUtcNow().UtcDateTime, about.ActivityId, about.ExpertProfileId));
}

/// <summary>How the outbox is sent (section <c>Email:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Email:Outbox";

    /// <summary>
    /// How often the outbox is sent (once across instances), in seconds. It runs at most as often
    /// as the scheduler looks for due jobs (<c>Background:PollSeconds</c>).
    /// </summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>After this many failed attempts a message is marked failed and no longer tried.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    public int FirstRetryMinutes { get; set; } = 1;

    /// <summary>The longest wait between attempts.</summary>
    public int MaxRetryMinutes { get; set; } = 60;

    /// <summary>How long a claim on a message lasts: another instance may send it after that (longer than any send takes).</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Sent and failed messages are deleted after this many days, because they hold personal details.</summary>
    public int KeepDays { get; set; } = 30;
}
