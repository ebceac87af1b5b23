using CoProduce.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Tests.Shared;

/// <summary>
/// Email goes through the outbox: a page stores it and the outbox worker sends it on its next
/// poll. Tests send it themselves, at the moment they choose, instead of waiting for the poll.
/// </summary>
public static class Outbox
{
    /// <summary>Sends every email waiting in the app's outbox now, as the worker would. Returns how many were sent.</summary>
    public static Task<int> SendQueuedEmailsAsync(this WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<OutboxSender>().SendDueAsync();
}
