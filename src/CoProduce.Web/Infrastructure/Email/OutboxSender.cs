using System.Linq.Expressions;
using CoProduce.Web.Data;
using CoProduce.Web.Features.EasyRead;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Email;

/// <summary>
/// Sends the outbox's due messages through <see cref="IEmailSender"/>. Several instances of the
/// portal share one database, so each message is claimed before it is sent: one conditional
/// UPDATE sets the lease to this sender only where the message is still waiting and nobody else's
/// lease is running, and the sender then reads back the message it owns. The database decides who
/// wins, on SQLite and SQL Server alike, so two instances never send one message twice. A failed
/// send is tried again later, waiting longer each time, until the most attempts allowed.
/// A message that asks for an easy-read document (<see cref="OutboxMessage.AttachDocument"/>) has
/// it built and printed to PDF as it is sent; when that cannot be done, it goes without it.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IEmailSender email,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger)
{
    /// <summary>A run stops after this many messages, so that one run never holds the worker for long.</summary>
    private const int MostPerRun = 200;

    /// <summary>Messages looked at for each claim: when another instance wins one, the next is tried.</summary>
    private const int Candidates = 5;

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    /// <summary>This sender, among every instance's: the machine, the process and a random part.</summary>
    private readonly string _instance = Instance();

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    private OutboxOptions Options => options.Value;

    /// <summary>Sends every message that is due now. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        for (var tried = 0; tried < MostPerRun; tried++)
        {
            var message = await ClaimNextAsync(cancellationToken);
            if (message is null)
            {
                break;
            }
            if (await SendAsync(message, cancellationToken))
            {
                sent++;
            }
        }
        await PurgeOldAsync(cancellationToken);
        return sent;
    }

    private static Expression<Func<OutboxMessage, bool>> Due(DateTime nowUtc) =>
        m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= nowUtc && (m.LeaseExpiresUtc == null || m.LeaseExpiresUtc <= nowUtc);

    /// <summary>Claims one due message for this sender and reads it back, or null when none is due.</summary>
    private async Task<OutboxMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboxMessages.Where(Due(now))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Candidates).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var claim = $"{_instance}:{Guid.NewGuid():N}";
            var leaseEnds = now.AddSeconds(Options.LeaseSeconds);
            // The condition is checked again by the UPDATE itself: of two senders that both saw the
            // message waiting, only the first to write changes a row.
            var claimed = await db.OutboxMessages.Where(m => m.Id == id).Where(Due(now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.LeaseOwner, claim)
                    .SetProperty(m => m.LeaseExpiresUtc, leaseEnds)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                var mine = await db.OutboxMessages.AsNoTracking()
                    .SingleOrDefaultAsync(m => m.Id == id && m.LeaseOwner == claim, cancellationToken);
                if (mine is not null)
                {
                    return mine;
                }
            }
        }
        return null;
    }

    private async Task<bool> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(await WithDocumentAsync(message, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: let another run (here or elsewhere) have it at once.
            await FinishAsync(message, set => set
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
            throw;
        }
        catch (Exception failure)
        {
            await FailedAsync(message, failure, cancellationToken);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = await FinishAsync(message, set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentUtc, now)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
        if (!recorded)
        {
            logger.LogWarning("Outbox message {MessageId} was sent after its claim ran out; another instance may send it again. Make Email:Outbox:LeaseSeconds longer", message.Id);
        }
        return true;
    }

    /// <summary>
    /// The email, with its easy-read document attached as "easy-read-&lt;kind&gt;.pdf" when it asks for
    /// one. The PDF is made now, from the document as it is now, in English (the language the
    /// portal writes to people in), and never stored. If the document is gone, no browser is
    /// installed or printing fails, the email goes without it: the email matters more than the PDF.
    /// </summary>
    private async Task<EmailMessage> WithDocumentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.AttachDocument is null)
        {
            return message.ToEmail();
        }
        var withNote = message.ToEmail();
        // Asked for a document: if none goes with it after all, it must not say one does.
        var plain = withNote with { TextBody = Features.Activities.EasyReadEmails.WithoutDocumentNote(withNote.TextBody) };
        var now = clock.GetUtcNow();
        if (now < _noPdfsUntil)
        {
            logger.LogWarning("PDFs could not be made a moment ago; sending outbox message {MessageId} without its {Document} PDF", message.Id, message.AttachDocument);
            return plain;
        }
        if (AttachableDocumentReference.Parse(message.AttachDocument) is not { } reference)
        {
            if (message.AttachDocument is not null)
            {
                logger.LogWarning("Outbox message {MessageId} asks for a document \"{Document}\" that is not a reference; sending it without", message.Id, message.AttachDocument);
            }
            return plain;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var source = scope.ServiceProvider.GetServices<IAttachableDocument>()
                .FirstOrDefault(d => string.Equals(d.Kind, reference.Kind, StringComparison.Ordinal));
            if (source is null)
            {
                logger.LogWarning("Outbox message {MessageId} asks for a \"{Kind}\" document, which no document source makes; sending it without", message.Id, reference.Kind);
                return plain;
            }
            var document = await source.BuildAsync(reference.Ids, EasyReadLanguage.English, cancellationToken);
            if (document is null)
            {
                logger.LogWarning("The {Document} document for outbox message {MessageId} no longer exists; sending it without", message.AttachDocument, message.Id);
                return plain;
            }
            // Other emails wait behind this one: a PDF gets a short while, then the email goes without it.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(AttachmentTimeLimit);
            var pdf = await scope.ServiceProvider.GetRequiredService<EasyReadOutput>().PdfAsync(document, limit.Token);
            return withNote with { Attachments = [.. withNote.Attachments, new EmailAttachment($"easy-read-{reference.Kind}.pdf", "application/pdf", pdf)] };
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // After a failure, PDFs are not tried for a few minutes, so a broken browser does not hold up every email.
            _noPdfsUntil = clock.GetUtcNow() + PauseAfterPdfFailure;
            logger.LogWarning(failure, "Could not make the {Document} PDF for outbox message {MessageId}; sending it without", message.AttachDocument, message.Id);
            return plain;
        }
    }

    /// <summary>How long an email waits for its PDF before it goes without it.</summary>
    internal static readonly TimeSpan AttachmentTimeLimit = TimeSpan.FromSeconds(15);

    /// <summary>How long this instance stops trying PDFs after one could not be made.</summary>
    internal static readonly TimeSpan PauseAfterPdfFailure = TimeSpan.FromMinutes(5);

    private DateTimeOffset _noPdfsUntil = DateTimeOffset.MinValue;

    private async Task FailedAsync(OutboxMessage message, Exception failure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var error = $"{failure.GetType().Name}: {failure.Message}";
        error = error.Length > OutboxMessage.ErrorMaxLength ? error[..OutboxMessage.ErrorMaxLength] : error;
        if (message.Attempts >= Options.MaxAttempts)
        {
            await FinishAsync(message, set => set
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), cancellationToken);
            logger.LogError(failure, "Gave up sending outbox message {MessageId} (\"{Subject}\") after {Attempts} attempts", message.Id, message.Subject, message.Attempts);
            return;
        }
        var next = now + OutboxMessage.RetryDelay(message.Attempts, TimeSpan.FromMinutes(Options.FirstRetryMinutes), TimeSpan.FromMinutes(Options.MaxRetryMinutes));
        await FinishAsync(message, set => set
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), cancellationToken);
        logger.LogWarning(failure, "Could not send outbox message {MessageId} (attempt {Attempts}); trying again at {NextAttemptUtc:u}", message.Id, message.Attempts, next);
    }

    /// <summary>Records the outcome, only while this sender's claim still holds. False when it no longer did.</summary>
    private async Task<bool> FinishAsync(OutboxMessage message, Action<UpdateSettersBuilder<OutboxMessage>> outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var claim = message.LeaseOwner;
        return await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == claim)
            .ExecuteUpdateAsync(outcome, cancellationToken) == 1;
    }

    /// <summary>Sent and failed messages hold personal details: they go after <see cref="OutboxOptions.KeepDays"/>.</summary>
    private async Task PurgeOldAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }
        _nextPurge = now + PurgeEvery;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var before = now.UtcDateTime.AddDays(-Options.KeepDays);
        var old = db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed) && m.CreatedUtc < before);
        var deleted = await old.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} outbox messages older than {Days} days", deleted, Options.KeepDays);
        }
    }

    private static string Instance()
    {
        var machine = Environment.MachineName;
        machine = machine.Length > 40 ? machine[..40] : machine;
        return $"{machine}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }
}

/// <summary>
/// Sends the outbox every <c>Email:Outbox:PollSeconds</c>, once across every instance (the
/// scheduler's lease). Each message is still claimed on its own before it is sent: a run that
/// outlives its lease, and so overlaps another instance's, still sends each message once.
/// </summary>
internal sealed class OutboxJob(IOptions<OutboxOptions> options) : Background.IScheduledJob
{
    public string Name => "outbox";

    /// <summary>As long as a claim on one message: a run stops after 200 messages, well within it.</summary>
    public TimeSpan LeaseFor => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public DateTime NextRunAfter(DateTime nowUtc) => nowUtc.AddSeconds(options.Value.PollSeconds);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<OutboxSender>().SendDueAsync(cancellationToken);
        return sent == 1 ? "1 email sent" : $"{sent} emails sent";
    }
}
