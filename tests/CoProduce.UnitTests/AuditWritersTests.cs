using System.Text.RegularExpressions;

namespace CoProduce.UnitTests;

/// <summary>
/// Audit entries are written only by services, beside the change they record and in the same
/// transaction: no controller, view or other class makes one. Start-up and demo data (in Data/)
/// may too. The check reads the source, so it catches a writer before it ever runs.
/// </summary>
public sealed partial class AuditWritersTests
{
    [Fact]
    public void AuditEntries_AreMadeOnlyByServicesAndStartUp()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "CoProduce.Web");
        var sources = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(web, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal)
                && !path.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("Features/Commissioning/ProjectService.cs", sources);

        var writers = sources
            .SelectMany(path => File.ReadLines(Path.Combine(web, path)).Select((line, i) => (Path: path, Number: i + 1, Line: line)))
            .Where(line => WritesAnAuditEntry(line.Line))
            .ToList();
        // The check must be looking at the real writers, or it proves nothing.
        Assert.Contains(writers, w => w.Path == "Features/Commissioning/ProjectService.cs");
        Assert.Contains(writers, w => w.Path == "Features/Audit/SpecialCategoryViewsService.cs");

        var offences = writers.Where(w => !MayWriteAuditEntries(w.Path)).Select(w => $"{w.Path}:{w.Number}: {w.Line.Trim()}").ToList();
        Assert.True(offences.Count == 0, "Only services write audit entries. Move these into the service that makes the change:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(1), 1, \"x\", \"y\", me, now));", true)]
    [InlineData("db.AuditEntries.Add(new Domain.Audit.AuditEntry(subject, null, a, s, me, now));", true)]
    [InlineData("db.AuditEntries.Add(new(subject, null, a, s, me, now));", true)]
    [InlineData("db.AuditEntries.AddRange(entries);", true)]
    [InlineData("AuditEntry entry = new(subject, null, a, s, me, now);", true)]
    [InlineData("var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ProjectId == id).ToListAsync();", false)]
    [InlineData("public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();", false)]
    [InlineData("// Never write new AuditEntry( here", false)]
    [InlineData(".Append(\"INSERT INTO \").Append(table)", true)] // raw SQL, as SpecialCategoryViewsService writes a page's views in one command
    [InlineData("await db.Database.ExecuteSqlRawAsync(\"insert into \\\"AuditEntries\\\" values (1)\");", true)]
    [InlineData("/// INSERT INTO AuditEntries (…) SELECT …", false)]
    public void WriterCheck_RecognisesAWrite(string line, bool isWrite) =>
        Assert.Equal(isWrite, WritesAnAuditEntry(line));

    [Theory]
    [InlineData("Features/Commissioning/ProjectService.cs", true)]
    [InlineData("Features/Admin/StaffAccountService.cs", true)]
    [InlineData("Data/Seeding/DemoDataSeeder.cs", true)]
    [InlineData("Data/DatabaseSetup.cs", true)]
    [InlineData("Features/Rules/RulesController.cs", false)]
    [InlineData("Features/Commissioning/ProjectPages.cs", false)]
    [InlineData("Features/Commissioning/Show.cshtml", false)]
    [InlineData("Data/CoProduceDbContext.cs", false)]
    public void WriterCheck_AllowsOnlyServicesAndStartUp(string path, bool allowed) =>
        Assert.Equal(allowed, MayWriteAuditEntries(path));

    private static bool MayWriteAuditEntries(string path) =>
        path.EndsWith("Service.cs", StringComparison.Ordinal)
        || path == "Data/DatabaseSetup.cs"
        || path.StartsWith("Data/Seeding/", StringComparison.Ordinal);

    private static bool WritesAnAuditEntry(string line)
    {
        var code = line.TrimStart();
        if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('*') || code.StartsWith("@*", StringComparison.Ordinal))
        {
            return false;
        }
        return NewAuditEntry().IsMatch(code) || AddToAuditEntries().IsMatch(code) || TargetTypedAuditEntry().IsMatch(code) || RawInsert().IsMatch(code);
    }

    [GeneratedRegex(@"\bnew\s+(?:\w+\.)*AuditEntry\s*\(")]
    private static partial Regex NewAuditEntry();

    [GeneratedRegex(@"\bAuditEntries\s*\.\s*(?:Add|AddRange|AddAsync|AddRangeAsync|Attach|Update)\s*\(")]
    private static partial Regex AddToAuditEntries();

    [GeneratedRegex(@"\bAuditEntry\s+\w+\s*=\s*new\s*\(")]
    private static partial Regex TargetTypedAuditEntry();

    /// <summary>An INSERT in SQL written by hand: the only one in the app writes audit entries, so any must be in a service.</summary>
    [GeneratedRegex(@"""\s*INSERT\s+INTO\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawInsert();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoProduce.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: the source cannot be read.");
    }
}
