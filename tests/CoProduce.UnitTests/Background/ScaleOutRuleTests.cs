using System.Reflection;
using CoProduce.Web.Infrastructure.Background;
using CoProduce.Web.Infrastructure.Files;

namespace CoProduce.UnitTests.Background;

/// <summary>The plain rules of running on several instances: when a job may be taken, when it is due after a failure, and the file store's limits.</summary>
public sealed class ScaleOutRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    // usual wait (seconds) -> wait after a failure (seconds)
    [InlineData(5, 60)]          // the outbox, every 5 seconds: not sooner than a minute
    [InlineData(59, 60)]
    [InlineData(60, 60)]         // exactly the shortest wait
    [InlineData(61, 61)]
    [InlineData(300, 300)]       // within the bounds: as usual
    [InlineData(900, 900)]       // exactly the longest wait
    [InlineData(901, 900)]
    [InlineData(3600, 900)]      // hourly reminders: a quarter of an hour
    [InlineData(86_400, 900)]    // a daily job: tried again the same day
    [InlineData(-30, 60)]        // a schedule already past: still a minute
    public void NextRunAfterFailure_IsTheUsualWaitKeptBetweenAMinuteAndAQuarterOfAnHour(int usualSeconds, int expectedSeconds)
    {
        var next = JobSchedule.NextRunAfterFailure(Now, Now.AddSeconds(usualSeconds));

        Assert.Equal(Now.AddSeconds(expectedSeconds), next);
    }

    [Theory]
    // next run (minutes from now), lease ends (minutes from now, or none), takeable
    [InlineData(-1, null, true)]
    [InlineData(0, null, true)]      // due exactly now
    [InlineData(1, null, false)]     // not due yet
    [InlineData(-1, 5, false)]       // another instance's lease is running
    [InlineData(-1, 0, true)]        // its lease ends exactly now
    [InlineData(-1, -1, true)]       // its lease ran out: that instance stopped mid-run
    [InlineData(1, -1, false)]
    public void Lease_IsTakeableOnlyWhenDueAndNobodysLeaseIsRunning(int nextRunMinutes, int? leaseEndsMinutes, bool takeable)
    {
        var lease = new JobLease("outbox", Now.AddMinutes(nextRunMinutes));
        if (leaseEndsMinutes is { } ends)
        {
            Set(lease, nameof(JobLease.Owner), "another-instance");
            Set(lease, nameof(JobLease.LeaseExpiresUtc), (DateTime?)Now.AddMinutes(ends));
        }

        Assert.Equal(takeable, lease.IsTakeable(Now));
        // The expression the database runs says the same.
        Assert.Equal(takeable, JobLease.Takeable("outbox", Now).Compile()(lease));
        Assert.False(JobLease.Takeable("reminders", Now).Compile()(lease));
        Assert.Equal(leaseEndsMinutes > 0, lease.IsRunning(Now));
        Assert.Equal(leaseEndsMinutes > 0, lease.IsHeldBy("another-instance", Now));
        Assert.False(lease.IsHeldBy("this-instance", Now));
    }

    [Fact]
    public void Outcome_IsCutToFitItsColumn()
    {
        Assert.Equal("3 emails sent", JobSchedule.Outcome("3 emails sent"));
        var cut = JobSchedule.Outcome(new string('x', 1000));
        Assert.Equal(JobLease.OutcomeMaxLength, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal(JobLease.OutcomeMaxLength, JobSchedule.Outcome(new string('x', JobLease.OutcomeMaxLength)).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]     // exactly the limit
    [InlineData(99)]
    public async Task ReadAtMost_KeepsAFileUpToTheLimit(int length)
    {
        var content = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var read = await FileContent.ReadAtMostAsync(new MemoryStream(content), 100, default);

        Assert.Equal(content, read);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(100_000_000)]
    public async Task ReadAtMost_RefusesALargerFile_HavingReadOneByteMoreThanTheLimitAtMost(int length)
    {
        using var stream = new CountingStream(length);

        var refused = await Assert.ThrowsAsync<FileTooLargeException>(() => FileContent.ReadAtMostAsync(stream, 100, default));

        Assert.Equal(100, refused.MostBytes);
        Assert.Equal(101, stream.Taken);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789ABCDEF", true)]
    [InlineData("0123456789abcdef0123456789abcde", false)]     // 31
    [InlineData("0123456789abcdef0123456789abcdef0", false)]   // 33
    [InlineData("0123456789abcdef0123456789abcdeg", false)]
    [InlineData("../../../../etc/passwd/aaaaaaaaaaa", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void FileKeys_AreThirtyTwoHexDigitsOnly(string? key, bool valid)
    {
        Assert.Equal(valid, FileKeys.IsValid(key));
        Assert.True(FileKeys.IsValid(FileKeys.New()));
    }

    private static void Set<T>(JobLease lease, string property, T value) =>
        typeof(JobLease).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(lease, value);

    /// <summary>A stream of the given length that counts the bytes taken from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Taken { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Taken; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Taken);
            Array.Fill(buffer, (byte)7, offset, n);
            Taken += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
