using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Background;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Scale;

/// <summary>
/// The background service on one instance: a long job (like the nightly retention run) does not
/// keep a frequent one (like the outbox) waiting until it ends.
/// </summary>
public sealed class ScheduledWorkTests
{
    /// <summary>Due every second; blocks until the test lets it go.</summary>
    private sealed class LongJob : IScheduledJob
    {
        public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public static readonly TaskCompletionSource LetGo = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test-long";

        public TimeSpan LeaseFor => TimeSpan.FromMinutes(10);

        public DateTime NextRunAfter(DateTime nowUtc) => nowUtc.AddSeconds(1);

        public async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await LetGo.Task.WaitAsync(cancellationToken);
            return "done";
        }
    }

    /// <summary>Due every second; counts its runs.</summary>
    private sealed class QuickJob : IScheduledJob
    {
        public static int Runs;

        public string Name => "test-quick";

        public TimeSpan LeaseFor => TimeSpan.FromMinutes(1);

        public DateTime NextRunAfter(DateTime nowUtc) => nowUtc.AddSeconds(1);

        public Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            return Task.FromResult("quick");
        }
    }

    [Fact]
    public async Task ALongJob_DoesNotHoldUpTheOthers_WhileItRuns()
    {
        using var app = new CoProduceAppFactory
        {
            SeedDemoData = false,
            Settings = new Dictionary<string, string> { ["Background:PollSeconds"] = "1" },
            TestServices = services =>
            {
                services.AddScheduledJob<LongJob>();
                services.AddScheduledJob<QuickJob>();
            },
        };
        _ = app.Services; // starts the host, and with it the background service

        await LongJob.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var runsWhenLongStarted = Volatile.Read(ref QuickJob.Runs);
        // While the long job is still running, the quick one keeps running, look after look.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref QuickJob.Runs) < runsWhenLongStarted + 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.False(LongJob.LetGo.Task.IsCompleted);
        Assert.True(Volatile.Read(ref QuickJob.Runs) >= runsWhenLongStarted + 2,
            $"the quick job ran {QuickJob.Runs - runsWhenLongStarted} times while the long one ran");
        LongJob.LetGo.TrySetResult();
    }
}
