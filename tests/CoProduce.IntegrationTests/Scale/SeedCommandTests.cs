using System.Net;
using System.Security.Cryptography;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Admin;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Scale;

/// <summary>
/// The data generator for benchmarks, run as the app is run (dotnet CoProduce.Web.dll seed --scale 1)
/// on a new SQLite file, then read by the portal itself.
/// </summary>
public sealed class SeedCommandTests
{
    [Fact]
    public async Task Seed_ScaleOneOnANewDatabase_MakesACouncilsDataKeepsTheDemoAccountsAndRefusesToRunAgain()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coproduce-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "seeded.db");
        try
        {
            var made = await RunAppAsync(database, "seed", "--scale", "1");
            Assert.True(made.ExitCode == SeedCommand.Succeeded, made.Output);
            Assert.Contains("Sign-ups:", made.Output, StringComparison.Ordinal);
            var fileBefore = await HashAsync(database);

            var again = await RunAppAsync(database, "seed", "--scale", "1");

            Assert.Equal(SeedCommand.Refused, again.ExitCode);
            Assert.Contains("Nothing was changed", again.Output, StringComparison.Ordinal);
            Assert.Equal(fileBefore, await HashAsync(database));

            using var app = new CoProduceAppFactory { SharedDatabasePath = database, SeedDemoData = false };
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
                // Scale 1 is 100 experts, 20 projects, 200 activities and about 2,000 sign-ups and claims; the demo data adds a few.
                Assert.InRange(await db.ExpertProfiles.CountAsync(), 100, 110);
                Assert.InRange(await db.CommissioningProjects.CountAsync(), 20, 25);
                Assert.InRange(await db.Activities.CountAsync(), 200, 210);
                Assert.InRange(await db.SignUps.CountAsync(), 1_600, 2_400);
                Assert.InRange(await db.Claims.CountAsync(), 1_600, 2_400);

                // Skewed: a few big consultations.
                var perActivity = await db.SignUps.GroupBy(s => s.ActivityId).Select(g => g.Count()).OrderBy(n => n).ToListAsync();
                Assert.True(perActivity[^1] >= 4 * perActivity[perActivity.Count / 2],
                    $"The biggest activity has {perActivity[^1]} sign-ups, the median {perActivity[perActivity.Count / 2]}");

                var statuses = await db.Claims.Select(c => c.Status).Distinct().ToListAsync();
                Assert.Subset(statuses.ToHashSet(),
                    new HashSet<ClaimStatus> { ClaimStatus.Draft, ClaimStatus.Submitted, ClaimStatus.Approved, ClaimStatus.Batched, ClaimStatus.Paid, ClaimStatus.Rejected });
                Assert.True(await db.PaymentBatches.AnyAsync(b => b.Status == PaymentBatchStatus.Paid));
                // The big batch waiting to be exported: 100 claims per scale step.
                Assert.Contains(await db.PaymentBatches.Where(b => b.ExportedUtc == null).Select(b => b.Lines.Count).ToListAsync(), n => n == 100);
                Assert.True(await db.FeedbackItems.CountAsync() > 20);
                Assert.True(await db.AuditEntries.CountAsync() > await db.Claims.CountAsync());

                // The roster's copy of each person's last day of taking part is filled, and right.
                var lastTookPart = await db.ExpertProfiles
                    .Select(p => new
                    {
                        Kept = EF.Property<DateOnly?>(p, LastTookPart.Column),
                        Actual = db.SignUps.Where(s => s.ExpertProfileId == p.Id && s.Attendance == Attendance.Attended)
                            .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => (DateOnly?)a.Date).Max(),
                    })
                    .ToListAsync();
                Assert.True(lastTookPart.Count(p => p.Kept is not null) > 50, "Most generated experts have taken part");
                Assert.All(lastTookPart, p => Assert.Equal(p.Actual, p.Kept));
            }

            foreach (var role in new[] { Roles.CoProductionLead, Roles.FinanceOfficer, Roles.ExpertByExperience })
            {
                using var client = app.CreatePortalClient();
                Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(DemoUsers.EmailFor(role), DemoUsers.Password(app))).StatusCode);
            }
            // A generated expert signs in with the demo password too.
            var sample = made.Output.Split("for example ")[1].Split('\n')[0].Trim().TrimEnd('.');
            using (var expert = app.CreatePortalClient())
            {
                Assert.Equal(HttpStatusCode.Redirect, (await expert.SignInAsync(sample, DemoUsers.Password(app))).StatusCode);
            }

            using var commissioner = app.CreatePortalClient();
            Assert.Equal(HttpStatusCode.Redirect, (await commissioner.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(app))).StatusCode);
            foreach (var page in new[] { "/projects", "/roster", "/manage/activities" })
            {
                var response = await commissioner.GetAsync(new Uri(page, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Seed_OnSqlServer_IsRefusedWithAReasonBeforeAnythingIsTouched()
    {
        // No server answers on this port: the command must say no before it tries to connect.
        var refused = await RunAppAsync(Path.Combine(Path.GetTempPath(), "unused.db"), "seed", "--scale", "1",
            "--Database:Provider", "SqlServer", "--ConnectionStrings:CoProduce", "Server=127.0.0.1,1;Database=CoProduce;Connect Timeout=1;TrustServerCertificate=True");

        Assert.True(refused.ExitCode == SeedCommand.Refused, refused.Output);
        Assert.Contains(SeedCommand.NotSqlite, refused.Output, StringComparison.Ordinal);
    }

    private static async Task<string> HashAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(await SHA256.HashDataAsync(file));
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(string databasePath, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoProduce.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CoProduce"] = $"Data Source={databasePath}";
        start.Environment["Portal__PublicBaseUrl"] = "https://coproduce.example";
        start.Environment["Email__PickupFolder"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "mail");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
