using MimeKit;

namespace CoProduce.Tests.Shared;

/// <summary>Reads the emails the portal wrote to its pickup folder, as the person who receives them would.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(string folder, string address) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml")
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(m => m.Date)
                .ToList();

    /// <summary>The path and query of the last link to <paramref name="path"/> emailed to the address.</summary>
    public static string LinkTo(string folder, string address, string path)
    {
        var line = To(folder, address)
            .SelectMany(m => (m.TextBody ?? string.Empty).Split('\n'))
            .Select(l => l.Trim())
            .LastOrDefault(l => l.StartsWith("http", StringComparison.Ordinal) && new Uri(l).AbsolutePath == path)
            ?? throw new InvalidOperationException($"No email to {address} has a link to {path}");
        return new Uri(line).PathAndQuery;
    }
}
