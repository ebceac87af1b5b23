using MimeKit;

namespace CoProduce.Tests.Shared;

/// <summary>Reads the emails the portal wrote to its pickup folder, as the person who receives them would.</summary>
public static class Mailbox
{
    /// <summary>The emails to an address, oldest first (by when the file was written: a Date header has only whole seconds).</summary>
    public static IReadOnlyList<MimeMessage> To(string folder, string address) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml")
                .OrderBy(File.GetLastWriteTimeUtc)
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList();

    /// <summary>The path and query of every link to <paramref name="path"/> emailed to the address, oldest first.</summary>
    public static IReadOnlyList<string> LinksTo(string folder, string address, string path) =>
        To(folder, address)
            .SelectMany(m => (m.TextBody ?? string.Empty).Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("http", StringComparison.Ordinal) && new Uri(l).AbsolutePath == path)
            .Select(l => new Uri(l).PathAndQuery)
            .ToList();

    /// <summary>The path and query of the last link to <paramref name="path"/> emailed to the address.</summary>
    public static string LinkTo(string folder, string address, string path) =>
        LinksTo(folder, address, path).LastOrDefault()
        ?? throw new InvalidOperationException($"No email to {address} has a link to {path}");
}
