using CoProduce.Web.Data;
using CoProduce.Web.Features.Admin;
using CoProduce.Web.Features.Retention;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Files;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Pdf;
using CoProduce.Web.Infrastructure.Security;

// "create-lead ..." and "seed ..." run a command against the app's configuration and database, then exit.
var seedLine = SeedCommand.Parse(args);
var commandLine = seedLine.IsSeed
    ? new AppCommandLine(null, seedLine.ShowHelp, seedLine.Error, seedLine.HostArguments)
    : CreateLeadCommand.Parse(args);
if (commandLine.Error is not null || commandLine.ShowHelp)
{
    await (commandLine.ShowHelp ? Console.Out : Console.Error).WriteLineAsync(
        (commandLine.Error is null ? string.Empty : commandLine.Error + Environment.NewLine + Environment.NewLine)
        + (seedLine.IsSeed ? SeedCommand.Usage : CreateLeadCommand.Usage));
    return commandLine.ShowHelp ? CreateLeadCommand.Succeeded : CreateLeadCommand.BadArguments;
}

var builder = WebApplication.CreateBuilder(commandLine.HostArguments);

builder.AddCoProduceLogging();
if (commandLine.CreateLead is not null || seedLine.Seed is not null)
{
    // SQLite's notes about each migration are for whoever writes migrations, not for this command.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
    // Nor is every SQL command the generator sends.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
}
// No "Server: Kestrel" header: it tells an attacker what to try.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
builder.Services.AddCoProducePublicAddress(builder.Configuration, builder.Environment);
builder.Services.AddCoProduceProxySupport(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCoProduceDatabase(builder.Configuration);
builder.Services.AddCoProduceIdentity(builder.Environment);
builder.Services.AddCoProduceRateLimiting(builder.Configuration);
// Keys that protect cookies and antiforgery tokens live in the database, so that several
// instances behind a load balancer can read each other's cookies; a certificate encrypts them there.
builder.Services.AddCoProduceDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<CoProduce.Web.Features.Payments.BankDetailsProtector>();
builder.Services.AddCoProduceAuthorization();
builder.Services.AddCoProduceEmail(builder.Configuration);
builder.Services.AddCoProduceFileStore(builder.Configuration);
builder.Services.AddCoProducePdf(builder.Configuration);
builder.Services.AddCoProduceMvc();
builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
builder.Services.Configure<CouncilOptions>(builder.Configuration.GetSection(CouncilOptions.Section));
builder.Services.AddCoProduceHealthChecks();
builder.Services.AddCoProduceRetention(builder.Configuration);

var app = builder.Build();

if (commandLine.CreateLead is { } createLead)
{
    return await CreateLeadCommand.RunAsync(app.Services, createLead, Console.Out, CancellationToken.None, app.CheckDataProtectionKeys);
}
if (seedLine.Seed is { } seed)
{
    return await SeedCommand.RunAsync(app.Services, seed, Console.Out, CancellationToken.None, app.CheckDataProtectionKeys);
}

if (!CoProduce.Web.Domain.Common.UkTime.KnowsUkTime)
{
    // Every date and time people see would be an hour out in summer: say so loudly at start-up.
    app.Logger.LogCritical("This machine has no time zone data for Europe/London, so UK times are shown in UTC. Install the tzdata package");
}

await app.MigrateDatabaseAsync();
// Before anything encrypts (the demo seeding does): a wrong certificate stops start-up here.
app.CheckDataProtectionKeys();
await app.SeedDatabaseAsync();

app.UseCoProducePipeline();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;
