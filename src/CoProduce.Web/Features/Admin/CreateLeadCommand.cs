using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Admin;

/// <summary>What the create-lead command was asked to do.</summary>
public sealed record CreateLeadArguments(string Email, string Name, bool Migrate);

/// <summary>
/// The command line, read before the app is built: the create-lead command with its own
/// options, and everything else (like <c>--Database:Provider SqlServer</c>) for the app's configuration.
/// </summary>
public sealed record AppCommandLine(CreateLeadArguments? CreateLead, bool ShowHelp, string? Error, string[] HostArguments);

/// <summary>
/// <c>create-lead</c>: makes the first co-production lead on a new database, from the server,
/// where nobody can sign in yet. It uses the app's own configuration and services, so the account,
/// its role and its audit entry are made exactly as the staff accounts page makes them, and the
/// link it prints is protected by the keys every instance shares. The link is printed, not
/// emailed, because email may not be set up yet.
/// </summary>
public static class CreateLeadCommand
{
    public const string Name = "create-lead";

    public const int Succeeded = 0;
    public const int Refused = 1;
    public const int BadArguments = 2;

    public const string Usage = """
        Usage: dotnet CoProduce.Web.dll create-lead --email <address> --name "<full name>" [--migrate]

        Makes a co-production lead's account and prints a one-time link to choose its password.
          --email     the person's work email address (there must be no account with it yet)
          --name      the person's full name, as others will see it
          --migrate   apply the database migrations first, if any are missing
        Any other option is read as the app's configuration, like --Database:Provider SqlServer.
        """;

    /// <summary>Splits the command line. Anything but create-lead first is the app's own, untouched.</summary>
    public static AppCommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return new AppCommandLine(null, false, null, args);
        }
        string? email = null;
        string? name = null;
        var migrate = false;
        var help = false;
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var (option, inlineValue) = SplitOption(args[i]);
            switch (option)
            {
                case "--email":
                case "--name":
                    var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
                    if (value is null)
                    {
                        return Failed($"{option} needs a value.", args);
                    }
                    if (option == "--email")
                    {
                        email = value;
                    }
                    else
                    {
                        name = value;
                    }
                    break;
                case "--migrate":
                    migrate = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    host.Add(args[i]);
                    break;
            }
        }
        if (help)
        {
            return new AppCommandLine(null, true, null, [.. host]);
        }
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            return Failed("Give both --email and --name.", args);
        }
        return new AppCommandLine(new CreateLeadArguments(email.Trim(), name.Trim(), migrate), false, null, [.. host]);
    }

    /// <summary>
    /// Runs the command against the app's services and says what happened on <paramref name="output"/>.
    /// Returns the process's exit code: 0 when the account was made.
    /// </summary>
    /// <param name="checkKeys">
    /// Checks, once the database is migrated and before anything is written, that this instance can
    /// read the data-protection keys (the reset link is made with them): a wrong certificate would
    /// otherwise write a key the other instances cannot read.
    /// </param>
    public static async Task<int> RunAsync(IServiceProvider services, CreateLeadArguments arguments, TextWriter output, CancellationToken cancellationToken, Action? checkKeys = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);

        var problems = new NewStaffAccountFormValidator().Validate(new NewStaffAccountForm
        {
            DisplayName = arguments.Name,
            Email = arguments.Email,
            Roles = [Roles.CoProductionLead],
        });
        if (!problems.IsValid)
        {
            foreach (var problem in problems.Errors)
            {
                await output.WriteLineAsync(problem.ErrorMessage + ".");
            }
            return BadArguments;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            // Before anything is changed: the link would be no use without the public address.
            _ = scope.ServiceProvider.GetRequiredService<PublicLinks>().BaseUrl;
        }
        catch (Exception notSet) when (notSet is InvalidOperationException or OptionsValidationException)
        {
            await output.WriteLineAsync($"Nothing was changed. {notSet.Message}");
            return Refused;
        }

        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0 && !arguments.Migrate)
        {
            await output.WriteLineAsync(
                $"Nothing was changed. The database is missing {pending.Count} of this version's migrations. Apply them first: " +
                "run this command again with --migrate, or apply the migration script (see docs/deployment.md, \"Upgrading\").");
            return Refused;
        }
        if (pending.Count > 0)
        {
            await DatabaseSetup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
            await output.WriteLineAsync($"Applied {pending.Count} database migrations.");
        }
        try
        {
            checkKeys?.Invoke();
        }
        catch (InvalidOperationException wrongCertificate)
        {
            await output.WriteLineAsync($"Nothing was changed. {wrongCertificate.Message}");
            return Refused;
        }

        var (outcome, link) = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
            .CreateLeadFromCommandLineAsync(arguments.Name, arguments.Email, cancellationToken);
        switch (outcome)
        {
            case StaffAccountService.Creation.Created:
                var lifespan = scope.ServiceProvider.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan;
                await output.WriteLineAsync($"Made a co-production lead account for {arguments.Name} <{arguments.Email}>.");
                await output.WriteLineAsync($"Give them this link to choose their password. It works once, for {Hours(lifespan)}:");
                await output.WriteLineAsync(link);
                await output.WriteLineAsync("Anyone with the link can set the password: pass it on privately, and do not keep it.");
                return Succeeded;
            case StaffAccountService.Creation.EmailInUse:
                await output.WriteLineAsync($"Nothing was changed. There is already an account with the email address {arguments.Email}.");
                return Refused;
            default:
                await output.WriteLineAsync($"Nothing was changed. The account could not be made with the email address {arguments.Email}.");
                return Refused;
        }
    }

    private static (string Option, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static AppCommandLine Failed(string error, string[] args) => new(null, false, error, args);

    private static string Hours(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours % 1 == 0
            ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? string.Empty : "s")}"
            : $"{span.TotalMinutes:0} minutes";
}
