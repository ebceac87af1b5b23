namespace CoProduce.Web.Features.EasyRead;

/// <summary>
/// A kind of easy-read document that can go with an email as a PDF. The email stores only a
/// reference such as "invitation/12/34" (<see cref="Infrastructure.Email.OutboxMessage.AttachDocument"/>);
/// the document is built from it, and printed, when the email is sent.
/// </summary>
public interface IAttachableDocument
{
    /// <summary>The first part of a reference, such as "invitation".</summary>
    string Kind { get; }

    /// <summary>The document the ids name, or null when it no longer exists (then the email goes without it).</summary>
    Task<EasyReadDocument?> BuildAsync(IReadOnlyList<int> ids, EasyReadLanguage language, CancellationToken cancellationToken);
}

/// <summary>References to attachable documents: "invitation/12/34" is the invitation to activity 12 for person 34.</summary>
public static class AttachableDocumentReference
{
    public static string For(string kind, params int[] ids) => string.Join('/', [kind, .. ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>The kind and ids of a reference, or null when it is not one.</summary>
    public static (string Kind, IReadOnlyList<int> Ids)? Parse(string? reference)
    {
        var parts = reference?.Split('/') ?? [];
        if (parts.Length < 1 || string.IsNullOrEmpty(parts[0]))
        {
            return null;
        }
        var ids = new List<int>();
        foreach (var part in parts.Skip(1))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }
            ids.Add(id);
        }
        return (parts[0], ids);
    }
}
